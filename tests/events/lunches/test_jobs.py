import datetime as dt

from events.lunches.jobs import follow_up_lunches, remind_lunch_attendees
from hub.models import Status
from tests.events.lunches.factories import InputFactory, LunchFactory, SignUpFactory


def _lunch(school):
    lunch = LunchFactory(school=school, starts_at=dt.datetime(2031, 3, 12, 12, 15, tzinfo=dt.UTC))
    coming = SignUpFactory(lunch=lunch)
    presenter = InputFactory(lunch=lunch, status=Status.PUBLISHED).author
    InputFactory(lunch=lunch, status=Status.SUBMITTED)
    return lunch, coming.staff, presenter


def test_the_day_before_attendees_and_presenters_are_reminded_once(
    school, mailoutbox, django_capture_on_commit_callbacks
):
    lunch, attendee, presenter = _lunch(school)
    two_days_before = lunch.starts_at - dt.timedelta(days=2)
    day_before = lunch.starts_at - dt.timedelta(hours=20)
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_lunch_attendees(two_days_before) == []
        assert remind_lunch_attendees(day_before) == [lunch.pk]
        assert remind_lunch_attendees(day_before + dt.timedelta(minutes=1)) == []
    assert sorted(m.to[0] for m in mailoutbox) == sorted([attendee.email, presenter.email])
    assert all("Tomorrow: learning lunch" in m.subject for m in mailoutbox)
    lunch.refresh_from_db()
    assert lunch.reminded_at == day_before


def test_after_the_lunch_presenters_and_attendees_are_invited_once(
    school, mailoutbox, django_capture_on_commit_callbacks
):
    lunch, attendee, presenter = _lunch(school)
    after = lunch.ends_at + dt.timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_up_lunches(lunch.ends_at - dt.timedelta(minutes=1)) == []
        assert follow_up_lunches(after) == [lunch.pk]
        assert follow_up_lunches(after + dt.timedelta(hours=1)) == []
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    assert set(subjects) == {attendee.email, presenter.email}
    assert "share your slides or notes" in subjects[presenter.email]
    assert "What did you take away" in subjects[attendee.email]


def test_lunches_long_past_get_no_follow_up(school, mailoutbox):
    lunch, _, _ = _lunch(school)
    assert follow_up_lunches(lunch.ends_at + dt.timedelta(days=30)) == []
