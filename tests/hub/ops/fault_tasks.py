"""A long task the worker-fault tests kill a worker in the middle of (run by db_worker)."""

import time
from pathlib import Path

from django_tasks import task

from hub.lib.files import atomic_output


@task()
def write_long_export(*, destination: str, hold: str, chunks: int = 20) -> int:
    """Write `destination` chunk by chunk, waiting while the file `hold` exists,
    the way a long PDF export would; output appears only once complete."""
    written = 0
    with atomic_output(Path(destination)) as output:
        for index in range(chunks):
            output.write(f"page {index:03d}\n".encode() * 100)
            output.flush()
            written += 1
            while Path(hold).exists():
                time.sleep(0.05)
    return written


@task()
def tell_each(*, addresses: list[str]) -> int:
    """A task that emails several people one by one, as the digest and reminders do."""
    from hub.emails import queue_email

    for address in addresses:
        queue_email(to=[address], template="lunch_promoted", context={})
    return len(addresses)


RUNS_TABLE = "two_workers_runs"


@task()
def record_run(*, number: int) -> int:
    """Note that this process ran task `number` (no unique key: a second run would show)."""
    import os

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {RUNS_TABLE} (number, pid) VALUES (%s, %s)", [number, os.getpid()]
        )
    time.sleep(0.02)  # long enough that both workers are busy at once
    return number
