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


class WorkerKilled(BaseException):
    """The worker process dying mid-task: nothing in the task gets to handle it."""


def test_a_reminder_task_run_again_after_a_lost_worker_tells_each_person_once(
    school, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    from events.lunches import tasks
    from events.lunches.tasks import send_lunch_reminders
    from hub.models import Notification
    from tests.hub.ops.test_task_retries import _run_again

    lunch, attendee, presenter = _lunch(school)
    real_notify = tasks.notify
    told = []

    def dies_after_the_first(**kwargs):
        if told:
            raise WorkerKilled
        told.append(real_notify(**kwargs))

    monkeypatch.setattr(tasks, "notify", dies_after_the_first)
    with django_capture_on_commit_callbacks(execute=True):
        result = send_lunch_reminders.enqueue(lunch_id=lunch.pk)
    assert Notification.objects.count() == 1 and len(mailoutbox) == 1

    # Task recovery requeues it; a fresh worker runs it under the same id.
    monkeypatch.setattr(tasks, "notify", real_notify)
    with django_capture_on_commit_callbacks(execute=True):
        _run_again(result, lunch_id=lunch.pk)
        _run_again(result, lunch_id=lunch.pk)  # and once more, after it had finished
    reminded = sorted(Notification.objects.values_list("recipient_id", flat=True))
    assert reminded == sorted([attendee.pk, presenter.pk])
    assert sorted(m.to[0] for m in mailoutbox) == sorted([attendee.email, presenter.email])

    # A separate task (not a retry) is a new reminder and tells them again.
    with django_capture_on_commit_callbacks(execute=True):
        send_lunch_reminders.enqueue(lunch_id=lunch.pk)
    assert Notification.objects.count() == 4 and len(mailoutbox) == 4


def test_notifications_outside_any_task_are_never_merged(school):
    from hub.models import NoticeKind, Notification
    from hub.notifications import notify

    lunch, attendee, _ = _lunch(school)
    for _ in range(2):
        notify(
            recipient=attendee,
            kind=NoticeKind.LUNCH,
            target=lunch,
            email_template="lunch_reminder",
            context={"lunch": lunch},
        )
    assert list(Notification.objects.values_list("task_key", flat=True)) == ["", ""]
