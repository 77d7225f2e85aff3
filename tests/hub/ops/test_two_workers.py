"""Workers anywhere: two `db_worker` processes on the same queue, as on two machines,
share the tasks and never run one twice (django-tasks-db claims a task with
SELECT ... FOR UPDATE SKIP LOCKED inside a transaction, so it also works behind
PgBouncer in transaction mode). Runs on SQLite and on PostgreSQL."""

import signal
import subprocess
import threading
from collections import Counter

import pytest
from django.db import connection, transaction
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from tests.hub.ops.fault_tasks import RUNS_TABLE
from tests.hub.ops.test_worker_faults import _wait_for, _worker

TASKS = 60


def _started(worker: subprocess.Popen) -> None:
    """Wait until the worker polls the queue, then keep reading its log so it never blocks."""
    for line in worker.stderr:
        if "Starting worker" in line:
            break
    else:
        raise AssertionError(f"worker {worker.pid} exited before it started: {worker.wait()}")
    threading.Thread(target=worker.stderr.read, daemon=True).start()


@pytest.fixture
def runs_table(transactional_db):
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {RUNS_TABLE} (number integer NOT NULL, pid integer NOT NULL)")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {RUNS_TABLE}")


def test_two_workers_on_one_queue_run_every_task_exactly_once(runs_table):
    workers = [_worker(stderr=subprocess.PIPE) for _ in range(2)]
    try:
        for worker in workers:
            _started(worker)
        with transaction.atomic():  # all queued at the same moment, for both to race for
            DBTaskResult.objects.bulk_create(
                DBTaskResult(
                    args_kwargs={"args": [], "kwargs": {"number": number}},
                    task_path="tests.hub.ops.fault_tasks.record_run",
                    backend_name="default",
                    run_after=get_date_max(),
                )
                for number in range(TASKS)
            )
        _wait_for(
            lambda: DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).count() == 0,
            seconds=90,
        )
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=30)

    # The workers have stopped: what they recorded is all there will be.
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, pid FROM {RUNS_TABLE}")
        runs = cursor.fetchall()
    runs_of = Counter(number for number, _ in runs)
    assert runs_of == Counter(range(TASKS))  # each task once, none twice, none missed
    by_worker = Counter(pid for _, pid in runs)
    assert set(by_worker) == {worker.pid for worker in workers}  # both took their share
    results = DBTaskResult.objects.all()
    assert all(len(result.worker_ids) == 1 for result in results)
    assert len({worker_id for result in results for worker_id in result.worker_ids}) == 2
