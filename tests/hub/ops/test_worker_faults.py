"""A worker killed mid-task: the task is requeued, a fresh worker completes it,
and its output never exists half-written."""

import datetime as dt
import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from hub.ops.task_recovery import WORKER_LOST, recover_abandoned_tasks

TASK = "tests.hub.ops.fault_tasks.write_long_export"


def _queue(**kwargs) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": kwargs},
        task_path=TASK,
        backend_name="default",
        run_after=get_date_max(),
    )


def _database_url() -> str:
    """The test database, for a worker started as another process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _worker(*extra: str, stderr=None, environment: dict | None = None) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings",
        "DATABASE_URL": _database_url(),
        "STAFFROOM_TASK_BACKEND": "django_tasks_db.DatabaseBackend",
        "DJANGO_LOG_LEVEL": "WARNING",
        **(environment or {}),
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay"]
    command += ["--interval", "0.1", *extra]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stderr=stderr, text=True)


def _wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.django_db(transaction=True)
def test_a_task_whose_worker_is_killed_is_requeued_and_a_fresh_worker_completes_it(tmp_path):
    destination, hold = tmp_path / "export.txt", tmp_path / "hold"
    hold.touch()
    result = _queue(destination=str(destination), hold=str(hold))

    first = _worker()
    try:
        _wait_for(lambda: list(tmp_path.glob(".export.txt.*.partial")))
        result.refresh_from_db()
        assert result.status == TaskResultStatus.RUNNING
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)

    hold.unlink()
    assert not destination.exists()  # half an export is never where readers look
    result.refresh_from_db()
    assert result.status == TaskResultStatus.RUNNING  # nobody else noticed yet
    later = timezone.now() + dt.timedelta(seconds=settings.STAFFROOM_TASK_TIMEOUT + 1)
    assert recover_abandoned_tasks(later) == {"requeued": 1, "failed": 0}

    fresh = _worker("--batch")
    assert fresh.wait(timeout=60) == 0
    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert len(result.worker_ids) == 2
    assert result.return_value == 20
    assert destination.read_bytes().count(b"page") == 20 * 100


@pytest.mark.django_db
def test_a_task_still_within_its_time_is_left_running():
    result = _queue(destination="/nonexistent", hold="/nonexistent")
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["w1"]
    )

    within = dt.timedelta(seconds=settings.STAFFROOM_TASK_TIMEOUT - 60)
    assert recover_abandoned_tasks(timezone.now() + within) == {
        "requeued": 0,
        "failed": 0,
    }
    result.refresh_from_db()
    assert result.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_a_task_that_lost_its_worker_three_times_is_marked_failed(settings):
    settings.STAFFROOM_TASK_MAX_ATTEMPTS = 3
    result = _queue(destination="/nonexistent", hold="/nonexistent")
    started = timezone.now() - dt.timedelta(hours=2)
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING, started_at=started, worker_ids=["w1", "w2", "w3"]
    )

    assert recover_abandoned_tasks(timezone.now()) == {"requeued": 0, "failed": 1}
    result.refresh_from_db()
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == WORKER_LOST
    assert "3 times" in result.traceback


def test_atomic_output_leaves_no_file_when_the_writer_fails(tmp_path):
    from hub.lib.files import atomic_output

    target = tmp_path / "out.pdf"
    with pytest.raises(RuntimeError), atomic_output(target) as output:
        output.write(b"half")
        raise RuntimeError("stopped")
    assert list(tmp_path.iterdir()) == []
    with atomic_output(target) as output:
        output.write(b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    assert target.read_bytes() == b"whole"


def test_run_periodic_jobs_looks_for_abandoned_tasks_every_minute():
    from hub.registry import periodic_jobs

    assert "hub.recover_abandoned_tasks" in [job.name for job in periodic_jobs()]
