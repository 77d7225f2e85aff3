"""The read-replica router's rules (hub/ops/db_router.py), decided without a replica.

What a real streaming standby then does with them is in test_db_router_replica.py."""

import json
import subprocess
import sys
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from hub.models import School
from hub.ops.db_router import (
    PIN_COOKIE,
    REPLICA,
    PrimaryReplicaRouter,
    ReplicaReadsMiddleware,
)

router = PrimaryReplicaRouter()
requests = RequestFactory()


def _handle(request, *, during=lambda: None):
    """Run `during` as the view of `request`; returns (where a read went, the response)."""
    seen = {}

    def view(request):
        during()
        seen["read"] = router.db_for_read(School)
        return HttpResponse("ok")

    response = ReplicaReadsMiddleware(view)(request)
    return seen["read"], response


def test_a_page_request_reads_from_the_replica_and_is_not_pinned():
    read, response = _handle(requests.get("/"))
    assert read == REPLICA
    assert PIN_COOKIE not in response.cookies


def test_outside_a_request_the_worker_and_commands_read_the_primary():
    assert router.db_for_read(School) == "default"


def test_a_form_post_reads_the_primary_and_pins_the_browser_to_it():
    read, response = _handle(requests.post("/board/"))
    assert read == "default"
    pin = response.cookies[PIN_COOKIE]
    assert pin["max-age"] == settings.DATABASE_REPLICA_PIN_SECONDS
    assert pin["httponly"] and pin["samesite"] == "Lax"


def test_a_page_request_that_writes_reads_its_write_back_from_the_primary_and_pins():
    read, response = _handle(requests.get("/"), during=lambda: router.db_for_write(School))
    assert read == "default"
    assert PIN_COOKIE in response.cookies


def _pinned_request(signed_at: float, monkeypatch):
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: signed_at))
    _, posted = _handle(requests.post("/board/"))
    monkeypatch.undo()
    request = requests.get("/board/")
    request.COOKIES[PIN_COOKIE] = posted.cookies[PIN_COOKIE].value
    return request


def test_the_next_pages_within_the_pin_read_the_primary(monkeypatch):
    import time

    request = _pinned_request(time.time() - settings.DATABASE_REPLICA_PIN_SECONDS + 2, monkeypatch)
    assert _handle(request)[0] == "default"


def test_after_the_pin_has_passed_pages_read_the_replica_again(monkeypatch):
    import time

    request = _pinned_request(time.time() - settings.DATABASE_REPLICA_PIN_SECONDS - 1, monkeypatch)
    assert _handle(request)[0] == REPLICA


def test_a_forged_pin_is_ignored():
    request = requests.get("/")
    request.COOKIES[PIN_COOKIE] = "1:forged:signature"
    assert _handle(request)[0] == REPLICA


@pytest.mark.django_db(transaction=True)
def test_reads_inside_a_transaction_go_to_the_primary():
    def in_a_transaction():
        with transaction.atomic():
            seen["inside"] = router.db_for_read(School)

    seen = {}
    read, _ = _handle(requests.get("/"), during=in_a_transaction)
    assert seen["inside"] == "default"
    assert read == REPLICA  # and the replica again once it has ended


def test_writes_and_migrations_go_to_the_primary_only():
    assert router.db_for_write(School) == "default"
    assert router.allow_migrate("default", "hub") is True
    assert router.allow_migrate(REPLICA, "hub") is False


def test_rows_read_from_either_database_may_be_related():
    on_replica, on_primary = School(), School()
    on_replica._state.db, on_primary._state.db = REPLICA, "default"
    assert router.allow_relation(on_replica, on_primary) is True


def _settings_with(**environment) -> dict:
    show = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'databases': s.DATABASES, 'routers': s.DATABASE_ROUTERS, "
        "'middleware': s.MIDDLEWARE}, default=str))"
    )
    env = {"DJANGO_SETTINGS_MODULE": "hub.settings", "PATH": "/usr/bin:/bin", **environment}
    out = subprocess.run(
        [sys.executable, "-c", show],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


PRIMARY_URL = "postgres://staffroom@db1.example:5432/staffroom"
REPLICA_URL = "postgres://staffroom@db2.example:5432/staffroom"


def test_without_a_replica_url_everything_uses_the_one_database():
    configured = _settings_with(DATABASE_URL=PRIMARY_URL)
    assert list(configured["databases"]) == ["default"]
    assert configured["routers"] == []
    assert "hub.ops.db_router.ReplicaReadsMiddleware" not in configured["middleware"]


def test_a_replica_url_adds_the_replica_its_router_and_its_middleware_before_the_session():
    configured = _settings_with(DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL=REPLICA_URL)
    replica = configured["databases"][REPLICA]
    assert (replica["HOST"], replica["TEST"]["MIRROR"]) == ("db2.example", "default")
    assert "lock_timeout=5s" in replica["OPTIONS"]["options"]  # the same web limits
    assert configured["routers"] == ["hub.ops.db_router.PrimaryReplicaRouter"]
    middleware = configured["middleware"]
    session = middleware.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert middleware[session - 1] == "hub.ops.db_router.ReplicaReadsMiddleware"


def test_behind_pgbouncer_no_server_side_cursors_and_no_startup_options():
    configured = _settings_with(
        DATABASE_URL=PRIMARY_URL, DATABASE_REPLICA_URL=REPLICA_URL, DATABASE_POOLED="1"
    )
    for database in configured["databases"].values():
        assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
        assert "options" not in database["OPTIONS"]
