"""Tasks whose worker died: put them back in the queue, or fail them after enough tries.

django-tasks-db marks a task RUNNING when a worker claims it and only the same
worker ever finishes it. A worker killed mid-task (kill -9, out of memory, a
host reboot) leaves the row RUNNING for ever, so nothing would run it again.
This periodic job (every minute) gives such a task back to the queue once it has
been running longer than it should: STAFFROOM_TASK_TIMEOUT seconds (5 minutes)
for the short tasks, which are nearly all (an email, a reminder), so a promoted
person's "you have a place" email is late by minutes, not half an hour; longer
for a task registered with `hub.registry.register_long_task` (an edition's PDF).
It marks a task failed once it has been tried STAFFROOM_TASK_MAX_ATTEMPTS times. Tasks must
therefore be safe to run again: make a file in scratch space and store it whole
before a row names it (ideas.scrapbook.tasks, hub.learning.tasks), and record what
was sent.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db.models import Q
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from hub.registry import long_tasks

log = logging.getLogger(__name__)

WORKER_LOST = "hub.ops.task_recovery.WorkerLost"


class WorkerLost(Exception):
    """The worker running this task stopped before finishing it (never raised: recorded)."""


def recover_abandoned_tasks(now: dt.datetime) -> dict[str, int]:
    """Requeue or fail RUNNING tasks started more than the timeout before `now`.

    Two conditional UPDATEs, so two schedulers running at once cannot both act on a row.
    """
    attempts = getattr(settings, "STAFFROOM_TASK_MAX_ATTEMPTS", 3)
    stuck = DBTaskResult.objects.filter(_overdue(now), status=TaskResultStatus.RUNNING)
    exhausted = Q(pk__in=[row.pk for row in stuck if len(row.worker_ids) >= attempts])
    failed = stuck.filter(exhausted).update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        exception_class_path=WORKER_LOST,
        traceback=(
            f"WorkerLost: the worker stopped while running this task, {attempts} times; "
            "it is not retried again."
        ),
    )
    requeued = stuck.exclude(exhausted).update(status=TaskResultStatus.READY, started_at=None)
    if failed or requeued:
        log.warning("Abandoned tasks: %s requeued, %s failed", requeued, failed)
    return {"requeued": requeued, "failed": failed}


def _overdue(now: dt.datetime) -> Q:
    """Started longer ago than its task's time limit (the short default, or its own)."""
    short = dt.timedelta(seconds=getattr(settings, "STAFFROOM_TASK_TIMEOUT", 300))
    long = long_tasks()
    overdue = Q(started_at__lt=now - short) & ~Q(task_path__in=list(long))
    for path, seconds in long.items():
        overdue |= Q(task_path=path, started_at__lt=now - dt.timedelta(seconds=seconds))
    return overdue


SENT_EMAIL_MEMORY = dt.timedelta(days=30)


def forget_old_sent_emails(now: dt.datetime) -> int:
    """No task is retried a month on: its record of what it sent can go."""
    from hub.models import SentEmail

    deleted, _ = SentEmail.objects.filter(sent_at__lt=now - SENT_EMAIL_MEMORY).delete()
    return deleted
