"""Issue 17's lunch fixes: the reminder says what you are bringing; calendar UIDs are
unique per installation and school; a lunch that has happened offers no sign-up or
calendar file; a second lunch at the same time must be confirmed."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.lunches.calendar import event_uid
from events.lunches.models import InputKind, Lunch, PlateKind
from events.lunches.tasks import send_lunch_reminders
from hub.models import Status
from tests.events.lunches.factories import (
    InputFactory,
    LunchFactory,
    SignUpFactory,
    TakeawayFactory,
    in_days,
)
from tests.factories import SchoolFactory, StaffFactory


def reminder_for(mailoutbox, person) -> tuple[str, str]:
    (message,) = [m for m in mailoutbox if m.to == [person.email]]
    return message.body, message.alternatives[0][0]


def test_the_reminder_says_which_plate_and_which_input_each_person_brings(
    school, mailoutbox, django_capture_on_commit_callbacks
):
    lunch = LunchFactory(school=school, starts_at=in_days(1))
    baker = SignUpFactory(
        lunch=lunch, plate="Lemon drizzle", plate_kind=PlateKind.SWEET, dietary_labels=["vegan"]
    ).staff
    quiet = SignUpFactory(lunch=lunch).staff
    presenter = StaffFactory(school=school)
    InputFactory(
        lunch=lunch,
        author=presenter,
        title="Retrieval <b>grids</b>",
        kind=InputKind.FINDING,
        status=Status.PUBLISHED,
    )
    with django_capture_on_commit_callbacks(execute=True):
        send_lunch_reminders.enqueue(lunch_id=lunch.pk)

    text, html = reminder_for(mailoutbox, baker)
    assert "You said you'd bring: Lemon drizzle (sweet), vegan." in text
    assert "<strong>Lemon drizzle</strong> (sweet), vegan." in html
    text, _ = reminder_for(mailoutbox, quiet)
    assert "You haven't said what you'll bring yet" in text
    text, html = reminder_for(mailoutbox, presenter)
    assert "You're giving a five-minute input: “Retrieval <b>grids</b>”." in text
    assert "“Retrieval &lt;b&gt;grids&lt;/b&gt;”" in html and "<b>grids" not in html
    assert "You said you'd bring" not in text  # presenting, not signed up to eat


def test_calendar_uids_are_stable_across_feeds_and_unique_per_school_and_installation(
    client_for, staff, school, settings
):
    settings.SITE_URL = "https://staffroom.oakfield.example"
    lunch = LunchFactory(school=school)
    SignUpFactory(lunch=lunch, staff=staff)
    client = client_for(staff)
    from_file = Calendar.from_ical(client.get(reverse("events:lunch_ics", args=[lunch.pk])).content)
    client.post(reverse("events:reset_calendar_feed"))
    feed = client.get(client.get(reverse("events:my_calendar")).context["feed_url"])
    from_feed = Calendar.from_ical(feed.content)
    uid = str(from_file.walk("VEVENT")[0]["uid"])
    assert uid == str(from_feed.walk("VEVENT")[0]["uid"])
    assert uid == f"lunch-{lunch.pk}-{school.uid}@staffroom.oakfield.example"
    # The same lunch number at another school, or at another installation, differs.
    other_school = SchoolFactory()
    assert event_uid(lunch, other_school.uid) != uid
    settings.SITE_URL = "https://staffroom.hillside.example"
    assert event_uid(lunch, school.uid) != uid


def test_every_school_gets_its_own_uid(db):
    assert len({SchoolFactory().uid for _ in range(5)}) == 5


def test_a_lunch_that_has_happened_offers_no_sign_up_and_no_calendar_file(
    client_for, staff, school
):
    lunch = LunchFactory(school=school, starts_at=in_days(-2))
    SignUpFactory(lunch=lunch, staff=staff)
    TakeawayFactory(lunch=lunch, status=Status.PUBLISHED)
    client = client_for(staff)
    page = client.get(lunch.get_absolute_url()).content.decode()
    assert "This lunch has happened" in page
    assert "Coming?" not in page and "Sign up" not in page
    assert reverse("events:lunch_ics", args=[lunch.pk]) not in page
    assert 'href="#takeaways">Read what people took away' in page
    assert "1 came, you among them" in page
    assert client.get(reverse("events:lunch_ics", args=[lunch.pk])).status_code == 404
    upcoming = LunchFactory(school=school)
    page = client.get(upcoming.get_absolute_url()).content.decode()
    assert "Coming?" in page and reverse("events:lunch_ics", args=[upcoming.pk]) in page


def _form(day: dt.date, **overrides) -> dict:
    return {
        "date": day.isoformat(),
        "start_time": "12:15",
        "end_time": "13:00",
        "room": "Library",
        "capacity": "12",
        "theme": "Retrieval practice",
        **overrides,
    }


def test_a_second_lunch_at_the_same_time_needs_the_organisers_confirmation(
    client_for, moderator, school
):
    day = timezone.localdate() + dt.timedelta(days=10)
    client = client_for(moderator)
    assert client.post(reverse("events:schedule_lunch"), _form(day)).status_code == 302

    again = client.post(reverse("events:schedule_lunch"), _form(day))
    assert again.status_code == 200
    assert Lunch.objects.count() == 1
    error = again.context["form"].errors["same_time_confirmed"][0]
    assert "“Retrieval practice” in Library already starts at 12:15" in error
    assert 'type="checkbox" name="same_time_confirmed"' in again.content.decode()

    other_time = client.post(reverse("events:schedule_lunch"), _form(day, start_time="12:30"))
    assert other_time.status_code == 302 and Lunch.objects.count() == 2

    confirmed = client.post(reverse("events:schedule_lunch"), _form(day, same_time_confirmed="on"))
    assert confirmed.status_code == 302 and Lunch.objects.count() == 3


def test_another_schools_lunch_at_the_same_time_is_no_clash(client_for, moderator, outsider):
    day = timezone.localdate() + dt.timedelta(days=10)
    starts_at = dt.datetime.combine(day, dt.time(12, 15), tzinfo=outsider.school.zone)
    LunchFactory(school=outsider.school, starts_at=starts_at)
    response = client_for(moderator).post(reverse("events:schedule_lunch"), _form(day))
    assert response.status_code == 302


def test_moving_a_lunch_onto_anothers_time_needs_confirmation_too(client_for, moderator, school):
    day = timezone.localdate() + dt.timedelta(days=10)
    client = client_for(moderator)
    client.post(reverse("events:schedule_lunch"), _form(day))
    client.post(reverse("events:schedule_lunch"), _form(day, start_time="12:30"))
    later = Lunch.objects.order_by("starts_at").last()
    url = reverse("events:edit_lunch", args=[later.pk])
    response = client.post(url, _form(day))
    assert "already starts at 12:15" in response.context["form"].errors["same_time_confirmed"][0]
    later.refresh_from_db()
    assert later.starts_at.astimezone(school.zone).time() == dt.time(12, 30)
    # Saving it unchanged (its own time) is no clash with itself.
    assert client.post(url, _form(day, start_time="12:30", capacity="14")).status_code == 302
