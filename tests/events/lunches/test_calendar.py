import datetime as dt

from django.urls import reverse
from icalendar import Calendar

from events.lunches.models import CalendarFeed, SignUpState
from hub.models import Status
from tests.events.lunches.factories import InputFactory, LunchFactory, SignUpFactory


def test_a_lunch_downloads_as_an_ics_file_with_utc_times(client_for, staff, school):
    starts_at = dt.datetime(2031, 7, 1, 12, 15, tzinfo=school.zone)
    lunch = LunchFactory(school=school, starts_at=starts_at, room="Library", theme="Oracy")
    InputFactory(lunch=lunch, title="Talk partners")
    response = client_for(staff).get(reverse("events:lunch_ics", args=[lunch.pk]))
    assert response["Content-Type"] == "text/calendar"
    assert "attachment" in response["Content-Disposition"]
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == dt.datetime(2031, 7, 1, 11, 15, tzinfo=dt.UTC)
    assert event.decoded("dtend") == dt.datetime(2031, 7, 1, 12, 0, tzinfo=dt.UTC)
    assert str(event["uid"]) == f"lunch-{lunch.pk}-{school.uid}@127.0.0.1"
    assert str(event["summary"]) == "Learning lunch: Oracy"
    assert str(event["location"]) == "Library"
    assert "Talk partners" in str(event["description"])


def _feed_url(client) -> str:
    client.post(reverse("events:reset_calendar_feed"))
    return client.get(reverse("events:my_calendar")).context["feed_url"]


def test_the_personal_feed_lists_lunches_you_attend_or_present_at(client_for, staff, school):
    coming = LunchFactory(school=school, theme="Coming")
    presenting = LunchFactory(school=school, theme="Presenting")
    waiting = LunchFactory(school=school, theme="Waiting")
    LunchFactory(school=school, theme="Not mine")
    SignUpFactory(lunch=coming, staff=staff)
    SignUpFactory(lunch=waiting, staff=staff, state=SignUpState.WAITLISTED)
    InputFactory(lunch=presenting, author=staff, status=Status.PUBLISHED)
    client = client_for(staff)
    url = _feed_url(client)
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    summaries = {str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")}
    assert summaries == {"Learning lunch: Coming", "Learning lunch: Presenting"}


def test_the_feed_token_is_stored_only_as_a_hash(client_for, staff):
    url = _feed_url(client_for(staff))
    token = url.rsplit("/", 1)[-1].removesuffix(".ics")
    assert not CalendarFeed.objects.filter(token_hash=token).exists()
    assert CalendarFeed.objects.get(staff=staff).token_hash != token


def test_the_feed_address_is_shown_only_once(client_for, staff):
    client = client_for(staff)
    _feed_url(client)
    assert client.get(reverse("events:my_calendar")).context["feed_url"] is None


def test_a_forged_token_is_a_404(client, db):
    response = client.get(reverse("events:calendar_feed", args=["not-a-real-token"]))
    assert response.status_code == 404


def test_making_a_new_address_stops_the_old_one(client_for, staff):
    client = client_for(staff)
    old = _feed_url(client)
    new = _feed_url(client)
    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


def test_switching_the_feed_off_stops_it(client_for, staff):
    client = client_for(staff)
    url = _feed_url(client)
    client.post(reverse("events:revoke_calendar_feed"))
    assert client.get(url).status_code == 404
    assert not CalendarFeed.objects.exists()
