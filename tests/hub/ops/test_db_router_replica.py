"""Read replicas against a real streaming standby (bench/replica_pair.sh, `make test-replica`).

Collected only when DATABASE_REPLICA_URL is set, or when STAFFROOM_REQUIRE_REPLICA=1
(CI), where a missing or unreachable standby fails every test here instead of hiding.
DATABASE_URL must be the standby's primary: the test database made on it reaches the
standby by replication, and the tests read it there.
"""

import time

import pytest
from django.conf import settings
from django.db import InternalError, connections, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from hub.models import School
from hub.ops.db_router import PIN_COOKIE, REPLICA, ReplicaReadsMiddleware
from tests.factories import SchoolFactory, StaffFactory
from tests.hub.ops.test_worker_faults import _worker

pytestmark = [
    pytest.mark.replica,
    pytest.mark.django_db(transaction=True, databases=["default", REPLICA]),
]
BOARD = reverse("ideas:board")

if REPLICA not in settings.DATABASES:
    pytest.fail(
        "A standby is required (STAFFROOM_REQUIRE_REPLICA) but DATABASE_REPLICA_URL is not "
        "set: start one with bench/replica_pair.sh start, or run `make test-replica`.",
        pytrace=False,
    )


def _one(alias: str, sql: str, params=()):
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


@pytest.fixture(autouse=True)
def standby():
    """The replica alias on the real standby, reading the test database made on the
    primary (Django's test set-up had pointed it at the primary itself)."""
    replica, configured = connections[REPLICA], settings.DATABASES[REPLICA]
    mirrored = replica.settings_dict
    replica.close()
    replica.settings_dict = {
        **connections["default"].settings_dict,
        **{key: configured[key] for key in ("HOST", "PORT", "USER", "PASSWORD")},
    }
    try:
        yield replica
    finally:
        _one(REPLICA, "SELECT pg_wal_replay_resume()")
        replica.close()
        replica.settings_dict = mirrored


def _caught_up() -> None:
    """Wait until the standby has replayed everything the primary has written so far
    (inserted, not only flushed: the tests commit without waiting for the disk)."""
    written = _one("default", "SELECT pg_current_wal_insert_lsn()::text")
    deadline = time.monotonic() + 20
    while not _one(REPLICA, "SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [written]):
        assert time.monotonic() < deadline, "the standby fell more than 20 s behind"
        time.sleep(0.02)


def _on_both(call):
    """`call()`, and how many queries it sent to the primary and to the standby."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        result = call()
    return result, len(primary), [query["sql"] for query in replica.captured_queries]


def test_the_replica_is_a_read_only_standby_that_receives_the_primarys_writes():
    assert _one("default", "SELECT pg_is_in_recovery()") is False
    assert _one(REPLICA, "SELECT pg_is_in_recovery()") is True

    school = SchoolFactory(name="Written on the primary")
    _caught_up()
    assert School.objects.using(REPLICA).get(pk=school.pk).name == "Written on the primary"
    with pytest.raises(InternalError, match="read-only transaction"):
        School.objects.using(REPLICA).filter(pk=school.pk).update(name="Changed")


def test_a_colleagues_page_reads_the_standby_and_the_writers_next_page_reads_the_primary():
    school = SchoolFactory()
    writer, colleague = Client(), Client()
    writer.force_login(StaffFactory(school=school))
    colleague.force_login(StaffFactory(school=school))
    _caught_up()

    # Hold the standby still: from here it lags as far behind as the test needs.
    _one(REPLICA, "SELECT pg_wal_replay_pause()")
    form = {"title": "Exit tickets on sticky notes", "note": "Quick.", "colour": "green"}
    posted, _, on_standby = _on_both(lambda: writer.post(reverse("ideas:post_idea"), form))
    assert posted.status_code == 302 and on_standby == []
    assert PIN_COOKIE in posted.cookies

    page, on_primary, on_standby = _on_both(lambda: colleague.get(BOARD))
    assert page.status_code == 200
    assert on_primary == 0
    assert any("django_session" in sql for sql in on_standby)  # the session too
    assert "Exit tickets on sticky notes" not in page.content.decode()  # not replayed yet
    # Home's celebrations run SQL compiled once (hub.lib.compiled_sql): the standby too.
    page, on_primary, on_standby = _on_both(lambda: colleague.get(reverse("hub:home")))
    assert page.status_code == 200 and on_primary == 0
    assert any("UNION" in sql for sql in on_standby)

    page, on_primary, on_standby = _on_both(lambda: writer.get(BOARD))
    assert page.status_code == 200 and on_primary > 0 and on_standby == []
    assert "Exit tickets on sticky notes" in page.content.decode()

    _one(REPLICA, "SELECT pg_wal_replay_resume()")
    _caught_up()
    page, on_primary, _ = _on_both(lambda: colleague.get(BOARD))
    assert on_primary == 0
    assert "Exit tickets on sticky notes" in page.content.decode()


def test_inside_a_request_reads_use_the_standby_until_a_transaction_or_a_write():
    school = SchoolFactory(name="Routed")
    _caught_up()
    seen = {}

    def view(request):
        read = lambda: School.objects.get(pk=school.pk)  # noqa: E731
        _, *seen["plain read"] = _on_both(read)
        with transaction.atomic():
            _, *seen["read in a transaction"] = _on_both(read)
        _, *seen["write"] = _on_both(
            lambda: School.objects.filter(pk=school.pk).update(name="Renamed")
        )
        renamed, *seen["read after the write"] = _on_both(read)
        seen["name"] = renamed.name
        return HttpResponse("ok")

    response = ReplicaReadsMiddleware(view)(RequestFactory().get("/"))
    assert seen["plain read"][0] == 0 and len(seen["plain read"][1]) == 1
    assert seen["read in a transaction"][0] >= 1 and seen["read in a transaction"][1] == []
    assert seen["write"][0] == 1 and seen["write"][1] == []
    assert seen["read after the write"] == [1, []]
    assert seen["name"] == "Renamed"
    assert PIN_COOKIE in response.cookies


def test_outside_a_request_the_worker_and_commands_never_read_the_standby():
    school = SchoolFactory()
    _caught_up()
    _, on_primary, on_standby = _on_both(lambda: School.objects.get(pk=school.pk))
    assert (on_primary, on_standby) == (1, [])


def test_a_worker_with_the_replica_configured_claims_and_runs_its_tasks_on_the_primary(tmp_path):
    """The worker claims a task with SELECT ... FOR UPDATE in a transaction: on a standby
    that would fail, so outside a web request nothing reads the replica."""
    standby = connections[REPLICA].settings_dict
    standby_url = (
        f"postgres://{standby['USER']}:{standby['PASSWORD'] or ''}@{standby['HOST']}:"
        f"{standby['PORT']}/{standby['NAME']}"
    )
    destination = tmp_path / "export.txt"
    result = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {"destination": str(destination), "hold": "/none"}},
        task_path="tests.hub.ops.fault_tasks.write_long_export",
        backend_name="default",
        run_after=get_date_max(),
    )
    worker = _worker("--batch", environment={"DATABASE_REPLICA_URL": standby_url})
    assert worker.wait(timeout=60) == 0
    result.refresh_from_db()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert destination.read_bytes().count(b"page") == 20 * 100
