"""On PostgreSQL with xdist, migrate one test database and copy it for every worker.

Each worker would otherwise run every migration into a database of its own
(`test_staffroom_gw0`, `test_staffroom_gw1`), the same work twice at the start of every
run. Instead the first worker to get the lock builds `test_staffroom` (pytest-django's
name for a run without workers) and each worker takes a copy of it
(`CREATE DATABASE ... TEMPLATE`, Django's `clone_test_db`, as its own parallel runner
does). pytest-django then finds the worker's database made and migrated (keepdb) and
uses it; at the end each worker drops its copy and the last one drops the template.

Only there: SQLite builds its tables from the models in a second, and a run with
`--reuse-db`, `--create-db`, `--nomigrations` or without workers keeps pytest-django's
own set-up.
"""

import fcntl
import tempfile
from contextlib import contextmanager
from pathlib import Path


def applies(config, *, use_migrations: bool) -> bool:
    from django.db import connection

    return (
        connection.vendor == "postgresql"
        and hasattr(config, "workerinput")
        and use_migrations
        and not config.getvalue("reuse_db")
        and not config.getvalue("create_db")
    )


@contextmanager
def _locked(template: str):
    """The run's ledger for this template, held by one worker at a time."""
    path = Path(tempfile.gettempdir()) / f"staffroom-{template}.ledger"
    with path.open("a+") as ledger:
        fcntl.flock(ledger, fcntl.LOCK_EX)
        try:
            ledger.seek(0)
            yield ledger
        finally:
            fcntl.flock(ledger, fcntl.LOCK_UN)


@contextmanager
def _no_time_limits(connection):
    """Without the web requests' statement and lock timeouts (hub/settings.py sends them
    with every connection): copying or dropping a database on a busy machine can take
    longer than a request may. A later `-c` of libpq's options wins over an earlier one."""
    options = connection.settings_dict["OPTIONS"]
    limits = options.get("options", "")
    options["options"] = f"{limits} -c statement_timeout=0 -c lock_timeout=0".strip()
    connection.close()
    try:
        yield
    finally:
        connection.close()
        options["options"] = limits


def _names(connection, worker: str) -> tuple[str, str]:
    """The worker's test database (pytest-django has added the worker's suffix) and the
    template's, the same name without it."""
    name = connection.settings_dict["TEST"]["NAME"]
    suffix = f"_{worker}"
    assert name.endswith(suffix), f"{name} has no {suffix} suffix"
    return name, name.removesuffix(suffix)


def clone_for_this_worker(config) -> str:
    """Build the template once per run (whichever worker comes first), then copy it.
    Returns the real database's name, which the settings name again afterwards."""
    from django.db import connection

    worker, run = config.workerinput["workerid"], config.workerinput["testrunuid"]
    database, template = _names(connection, worker)
    main_name = connection.settings_dict["NAME"]
    with _locked(template) as ledger, _no_time_limits(connection):
        if f"{run} built" not in ledger.read():
            connection.settings_dict["TEST"]["NAME"] = template
            connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
            ledger.seek(0)
            ledger.truncate()
            ledger.write(f"{run} built\n")
            ledger.flush()
        # clone_test_db copies the database NAME points at into NAME + "_" + suffix; no
        # session may be connected to the template while it is copied.
        connection.close()
        connection.settings_dict["NAME"] = template
        connection.creation.clone_test_db(suffix=worker, verbosity=0, autoclobber=True)
    # pytest-django's set-up starts from the real settings, as it would without this.
    connection.settings_dict["NAME"] = main_name
    connection.settings_dict["TEST"]["NAME"] = database
    return main_name


def drop_after_the_run(config, main_name: str) -> None:
    """Drop this worker's copy; the last worker to finish drops the template too."""
    from django.db import connection

    worker, run = config.workerinput["workerid"], config.workerinput["testrunuid"]
    database, template = _names(connection, worker)
    connection.settings_dict["NAME"] = database
    with _no_time_limits(connection):
        connection.creation.destroy_test_db(old_database_name=main_name, verbosity=0)
    with _locked(template) as ledger, _no_time_limits(connection):
        lines = ledger.read().splitlines()
        finished = 1 + sum(line.startswith(run) and line.endswith(" done") for line in lines)
        ledger.write(f"{run} {worker} done\n")
        ledger.flush()
        if finished >= config.workerinput["workercount"]:
            connection.settings_dict["NAME"] = template
            connection.creation.destroy_test_db(old_database_name=main_name, verbosity=0)
