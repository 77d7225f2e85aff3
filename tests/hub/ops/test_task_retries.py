"""A task run again after its worker was lost sends no email twice, and a lost
worker is noticed within minutes for short tasks (issue 14, item 12)."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks import TaskContext
from django_tasks.signals import task_finished, task_started
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from hub.models import SentEmail
from hub.ops.task_recovery import forget_old_sent_emails, recover_abandoned_tasks
from hub.tasks import send_email
from tests.hub.ops.fault_tasks import tell_each

pytestmark = pytest.mark.django_db
MESSAGE = {"subject": "Your place", "text": "You have a place.", "html": "<p>You have a place.</p>"}


def _run_again(result, **kwargs):
    """What a fresh worker does with a requeued task: claims it (one more worker id, one
    more attempt) and runs it under the same task id."""
    result.worker_ids.append("fresh-worker")
    backend = type(result.task.get_backend())
    task_started.send(sender=backend, task_result=result)
    try:
        if result.task.takes_context:
            return result.task.call(TaskContext(task_result=result), **kwargs)
        return result.task.call(**kwargs)
    finally:
        task_finished.send(sender=backend, task_result=result)


def test_send_email_run_again_sends_nothing_already_sent():
    to = ["a@oakfield.example", "b@oakfield.example"]
    result = send_email.enqueue(to=to, **MESSAGE)
    assert sorted(message.to[0] for message in mail.outbox) == to
    # One message per person: nobody sees who else was told.
    assert all(len(message.to) == 1 for message in mail.outbox)

    assert _run_again(result, to=to, **MESSAGE) == 0
    assert len(mail.outbox) == 2
    assert SentEmail.objects.filter(key=result.id).count() == 2


def test_a_worker_lost_midway_resumes_with_the_people_not_yet_sent(settings):
    settings.EMAIL_BACKEND = "tests.hub.ops.test_task_retries.FailsForB"
    to = ["a@oakfield.example", "b@oakfield.example", "c@oakfield.example"]
    result = send_email.enqueue(to=to, **MESSAGE)
    assert result.status == TaskResultStatus.FAILED
    assert [message.to for message in mail.outbox] == [["a@oakfield.example"]]

    settings.EMAIL_BACKEND = "tests.mail_backend.RequestAwareBackend"
    _run_again(result, to=to, **MESSAGE)
    assert sorted(message.to[0] for message in mail.outbox) == to  # each exactly once


def test_a_task_that_queues_emails_run_again_sends_each_person_one(sends):
    addresses = ["a@oakfield.example", "b@oakfield.example"]
    with sends():
        result = tell_each.enqueue(addresses=addresses)
    assert len(mail.outbox) == 2
    with sends():
        _run_again(result, addresses=addresses)
    assert len(mail.outbox) == 2
    # Keyed by the outer task, which keeps its id when it is run again.
    assert set(SentEmail.objects.values_list("key", flat=True)) == {f"{result.id}:lunch_promoted"}


def test_two_separate_runs_of_a_task_each_send(sends):
    with sends():
        tell_each.enqueue(addresses=["a@oakfield.example"])
        tell_each.enqueue(addresses=["a@oakfield.example"])
    assert len(mail.outbox) == 2


def _running(task_path: str, minutes_ago: int) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=task_path,
        backend_name="default",
        run_after=get_date_max(),
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - dt.timedelta(minutes=minutes_ago),
        worker_ids=["lost"],
    )


def test_a_short_task_whose_worker_died_is_requeued_within_minutes():
    email = _running(send_email.module_path, minutes_ago=6)
    export = _running("ideas.scrapbook.tasks.make_edition_export", minutes_ago=6)

    assert recover_abandoned_tasks(timezone.now()) == {"requeued": 1, "failed": 0}
    email.refresh_from_db()
    export.refresh_from_db()
    assert email.status == TaskResultStatus.READY
    # A long task registered its own limit: six minutes in, it may still be working.
    assert export.status == TaskResultStatus.RUNNING
    later = timezone.now() + dt.timedelta(minutes=25)
    assert recover_abandoned_tasks(later) == {"requeued": 1, "failed": 0}


def test_a_short_task_still_within_its_time_is_left_running():
    email = _running(send_email.module_path, minutes_ago=2)
    assert recover_abandoned_tasks(timezone.now()) == {"requeued": 0, "failed": 0}
    email.refresh_from_db()
    assert email.status == TaskResultStatus.RUNNING


def test_records_of_what_was_sent_are_forgotten_after_a_month():
    old = SentEmail.objects.create(key="t1", recipient="a@oakfield.example")
    SentEmail.objects.filter(pk=old.pk).update(sent_at=timezone.now() - dt.timedelta(days=31))
    SentEmail.objects.create(key="t2", recipient="a@oakfield.example")
    assert forget_old_sent_emails(timezone.now()) == 1
    assert list(SentEmail.objects.values_list("key", flat=True)) == ["t2"]


class FailsForB:
    """A mail server that takes the first message, then the worker dies on the second."""

    def __init__(self, **kwargs):
        from tests.mail_backend import RequestAwareBackend

        self.inner = RequestAwareBackend(**kwargs)

    def send_messages(self, messages):
        if any("b@oakfield.example" in message.to for message in messages):
            raise ConnectionError("worker lost")
        return self.inner.send_messages(messages)
