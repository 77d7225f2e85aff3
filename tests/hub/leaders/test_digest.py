from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from hub.leaders.digest import send_weekly_digests
from hub.models import EmailPreference, SentDigest
from hub.unsubscribe import unsubscribe_token
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.hub.leaders.factories_participation import posted_at

LONDON = ZoneInfo("Europe/London")
MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=LONDON)
FRIDAY_LUNCH = datetime(2026, 11, 20, 12, 30, tzinfo=LONDON)
FRIDAY_AFTERNOON = datetime(2026, 11, 20, 15, 5, tzinfo=LONDON)


@pytest.fixture
def busy_week(school, staff, moderator):
    note = posted_at(NoteFactory(author=staff, text="Cold-calling with names"), MONDAY)
    celebrated = posted_at(NoteFactory(author=moderator, text="Silent starters"), MONDAY)
    type(celebrated).objects.filter(pk=celebrated.pk).update(
        celebrated_at=MONDAY, celebration_note="Every class tried it!"
    )
    return note


def run_job(now, capture):
    with capture(execute=True):
        send_weekly_digests(now)


def test_nothing_is_sent_before_friday_afternoon(busy_week, django_capture_on_commit_callbacks):
    run_job(FRIDAY_LUNCH, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert not SentDigest.objects.exists()


def test_friday_afternoon_sends_each_person_the_digest_once(
    busy_week, staff, moderator, django_capture_on_commit_callbacks
):
    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)
    run_job(FRIDAY_AFTERNOON.replace(minute=6), django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [staff.email, moderator.email]
    )
    assert SentDigest.objects.get().week_start.isoformat() == "2026-11-16"


def test_the_digest_has_every_section_with_news_in_html_and_text(
    busy_week, staff, django_capture_on_commit_callbacks
):
    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == [staff.email])
    html = message.alternatives[0][0]
    assert message.subject == (
        "This week in the staffroom at Oakfield Primary School: 16–22 November 2026"
    )
    for part in (message.body, html):
        assert "Cold-calling with names" in part
        assert "Silent starters" in part
        assert "Every class tried it!" in part
        assert unsubscribe_token(staff) in part
    assert "&quot;" not in message.body and "&#x27;" not in message.body


def test_people_who_turned_email_off_or_left_get_no_digest(
    busy_week, school, staff, moderator, outsider, django_capture_on_commit_callbacks
):
    staff.email_preference = EmailPreference.OFF
    staff.save()
    StaffFactory(school=school, is_active=False)
    weekly = StaffFactory(school=school, email_preference=EmailPreference.WEEKLY)

    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([moderator.email, weekly.email])


def test_a_quiet_week_sends_no_empty_email(school, staff, django_capture_on_commit_callbacks):
    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert SentDigest.objects.filter(school=school).exists()


def test_a_school_in_another_time_zone_gets_it_at_its_own_friday_afternoon(
    school, staff, django_capture_on_commit_callbacks
):
    school.time_zone = "Asia/Dubai"  # 15:05 in London is 19:05 there: due
    school.save()
    posted_at(NoteFactory(author=staff), MONDAY)
    early = datetime(2026, 11, 20, 10, 0, tzinfo=LONDON)  # 14:00 in Dubai: not yet

    run_job(early, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1


def test_the_unsubscribe_link_asks_first_and_needs_no_sign_in(client, staff):
    url = reverse("hub:unsubscribe", args=[unsubscribe_token(staff)])

    response = client.get(url)

    assert response.status_code == 200
    assert "Unsubscribe from the weekly digest?" in response.content.decode()
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.INSTANT
    assert staff.gets_weekly_digest is True


def test_confirming_stops_the_digest_only(client, staff):
    url = reverse("hub:unsubscribe", args=[unsubscribe_token(staff)])

    response = client.post(url)

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    staff.refresh_from_db()
    assert staff.gets_weekly_digest is False
    assert staff.email_preference == EmailPreference.INSTANT


@pytest.mark.parametrize("tamper", ["flip_last", "other_person", "garbage"])
def test_a_tampered_link_answers_400_and_changes_nothing(client, staff, moderator, tamper):
    token = unsubscribe_token(staff)
    forged = {
        "flip_last": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "other_person": unsubscribe_token(staff).replace(
            token.split(":")[0], unsubscribe_token(moderator).split(":")[0]
        ),
        "garbage": "not-a-token",
    }[tamper]

    response = client.post(reverse("hub:unsubscribe", args=[forged]))

    assert response.status_code == 400
    assert "Nothing has been changed" in response.content.decode()
    staff.refresh_from_db()
    moderator.refresh_from_db()
    assert staff.email_preference == moderator.email_preference == EmailPreference.INSTANT


def test_a_link_for_an_old_address_stops_working(client, staff):
    token = unsubscribe_token(staff)
    staff.email = "alice.new@oakfield.example"
    staff.save()

    response = client.post(reverse("hub:unsubscribe", args=[token]))

    assert response.status_code == 400


def test_a_digest_already_recorded_for_the_week_is_not_sent_again(
    busy_week, school, django_capture_on_commit_callbacks
):
    SentDigest.objects.create(school=school, week_start=MONDAY.date())

    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert SentDigest.objects.count() == 1


def test_the_digest_runs_as_a_registered_periodic_job():
    from hub.registry import periodic_jobs

    assert "hub.weekly_digest" in [job.name for job in periodic_jobs()]


def test_the_digest_tells_weekly_readers_about_their_unread_notifications(
    busy_week, school, django_capture_on_commit_callbacks
):
    from hub.models import NoticeKind
    from hub.notifications import notify

    reader = StaffFactory(school=school, email_preference=EmailPreference.WEEKLY)
    notify(
        recipient=reader,
        kind=NoticeKind.COMMENT,
        target=busy_week,
        email_template="test_ping",
        context={"note_title": "Timers"},
    )

    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == [reader.email])
    assert "You have 1 unread notification:" in message.body


# --- Notices a person chose to read weekly, grouped by kind ---

IN_THE_WEEK = datetime(2026, 11, 18, 10, 0, tzinfo=LONDON)
LAST_WEEK = datetime(2026, 11, 12, 10, 0, tzinfo=LONDON)


def notice(person, kind, about, message, at=IN_THE_WEEK):
    from hub.models import Notification
    from hub.notifications import notify

    sent = notify(
        recipient=person,
        kind=kind,
        target=about,
        email_template="test_ping",
        context={"note_title": "Timers"},
        message=message,
    )
    Notification.objects.filter(pk=sent.pk).update(created_at=at)
    return sent


@pytest.fixture
def weekly_reader(school):
    from hub.models import NoticeHow, NoticeKind

    return StaffFactory(
        school=school,
        full_name="Rita Reader",
        notice_preferences={
            NoticeKind.COMMENT: NoticeHow.DIGEST,
            NoticeKind.TRIED: NoticeHow.DIGEST,
        },
    )


def test_notices_chosen_for_the_digest_come_grouped_by_kind_with_links(
    busy_week, weekly_reader, django_capture_on_commit_callbacks
):
    from hub.models import NoticeKind, Notification

    tried = notice(weekly_reader, NoticeKind.TRIED, busy_week, "Sam tried your timers")
    first = notice(weekly_reader, NoticeKind.COMMENT, busy_week, "Ann commented <b>hi</b>")
    notice(weekly_reader, NoticeKind.COMMENT, busy_week, "Bo commented")
    notice(weekly_reader, NoticeKind.PICKED, busy_week, "Picked!")  # instant: emailed already
    notice(weekly_reader, NoticeKind.COMMENT, busy_week, "Last week's", at=LAST_WEEK)
    read = notice(weekly_reader, NoticeKind.COMMENT, busy_week, "Already read")
    Notification.objects.filter(pk=read.pk).update(read_at=IN_THE_WEEK)
    mail.outbox.clear()

    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == [weekly_reader.email])
    text, html = message.body, message.alternatives[0][0]
    section = text.split("FOR YOU THIS WEEK")[1].split("You have")[0]
    # Kinds in the order of the preferences page; newest first within a kind.
    assert section.index(NoticeKind.TRIED.label) < section.index(NoticeKind.COMMENT.label)
    assert section.index("Bo commented") < section.index("Ann commented <b>hi</b>")
    assert reverse("hub:open_notification", args=[tried.pk]) in section
    assert reverse("hub:open_notification", args=[first.pk]) in html
    assert "Ann commented &lt;b&gt;hi&lt;/b&gt;" in html
    for left_out in ("Picked!", "Last week's", "Already read"):
        assert left_out not in section


def test_a_busy_kind_shows_the_newest_five_and_how_many_more(
    busy_week, weekly_reader, django_capture_on_commit_callbacks
):
    from hub.models import NoticeKind

    for n in range(7):
        notice(weekly_reader, NoticeKind.COMMENT, busy_week, f"Comment number {n}")
    mail.outbox.clear()

    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == [weekly_reader.email])
    assert message.body.count("Comment number") == 5 and "Comment number 0" not in message.body
    assert "- and 2 more:" in message.body


def test_a_quiet_week_still_brings_people_their_own_weekly_notices(
    school, staff, weekly_reader, django_capture_on_commit_callbacks
):
    from hub.models import NoticeKind

    about = posted_at(NoteFactory(author=weekly_reader), LAST_WEEK)
    notice(weekly_reader, NoticeKind.COMMENT, about, "Ann commented")
    mail.outbox.clear()

    run_job(FRIDAY_AFTERNOON, django_capture_on_commit_callbacks)

    assert [m.to for m in mail.outbox] == [[weekly_reader.email]]
    assert "Ann commented" in mail.outbox[0].body


@pytest.mark.parametrize("people", [2, 40])
def test_grouping_the_notices_is_one_query_for_any_number_of_people(
    school, busy_week, django_assert_num_queries, people
):
    from hub.leaders.digest import digest_window, weekly_notices
    from hub.lib.weeks import Week
    from hub.models import NoticeHow, NoticeKind

    readers = StaffFactory.create_batch(
        people, school=school, notice_preferences={NoticeKind.COMMENT: NoticeHow.DIGEST}
    )
    for person in readers:
        for n in range(3):
            notice(person, NoticeKind.COMMENT, busy_week, f"Comment {n}")
    start, end = digest_window(school, Week(MONDAY.date()))

    with django_assert_num_queries(1):
        groups = weekly_notices(readers, start, end)

    assert len(groups) == people
    assert all(len(kinds[0].notices) == 3 for kinds in groups.values())
