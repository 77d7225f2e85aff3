from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.urls import reverse

from hub.leaders.digest import send_weekly_digests, unsubscribe_token
from hub.models import EmailPreference, SentDigest
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
    assert "Unsubscribe from Staffroom emails?" in response.content.decode()
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.INSTANT


def test_confirming_turns_every_email_off(client, staff):
    url = reverse("hub:unsubscribe", args=[unsubscribe_token(staff)])

    response = client.post(url)

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.OFF


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
