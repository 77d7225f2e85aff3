"""Starting several database writes at the same moment, each on its own connection."""

import threading
from collections.abc import Callable

from django.db import connection


def run_at_once(*jobs: Callable[[], object], timeout: float = 120) -> list[BaseException]:
    """Run every job in its own thread, released together; return what they raised."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        try:
            barrier.wait()
            job()
        except BaseException as error:  # noqa: BLE001  (the caller asserts on them)
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors
