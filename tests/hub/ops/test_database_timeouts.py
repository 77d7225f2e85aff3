"""Bounded waits (issue 14, item 11): web requests give up a lock after a few seconds and
answer "busy, try again" (503), the worker and commands wait longer."""

import json
import subprocess
import sys
import threading

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse

from events.lunches.models import Lunch, SignUp
from tests.events.lunches.factories import LunchFactory
from tests.hub.test_fragments import HOME

ROOT = settings.BASE_DIR
SHOW = "import django; django.setup(); from django.conf import settings; "
SHOW += "import json; print(json.dumps(settings.DATABASE_TIMEOUTS))"


def _timeouts_of(*command: str) -> dict:
    env = {"DJANGO_SETTINGS_MODULE": "hub.settings", "PATH": "/usr/bin:/bin"}
    out = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_web_requests_wait_seconds_and_the_worker_minutes():
    web = _timeouts_of(sys.executable, "-c", SHOW)
    worker = _timeouts_of(sys.executable, "manage.py", "shell", "-c", SHOW)
    assert web == {
        "lock_timeout": "5s",
        "statement_timeout": "20s",
        "idle_in_transaction_session_timeout": "30s",
    }
    assert worker == {
        "lock_timeout": "1min",
        "statement_timeout": "10min",
        "idle_in_transaction_session_timeout": "10min",
    }


def test_every_connection_opens_with_the_web_limits(db):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            shown = {}
            for name in settings.DATABASE_TIMEOUTS:
                cursor.execute(f"SHOW {name}")
                shown[name] = cursor.fetchone()[0]
        assert shown == settings.DATABASE_TIMEOUTS
    else:
        # SQLite has no such limits; its busy timeout bounds a wait for the write lock.
        assert connection.settings_dict["OPTIONS"]["timeout"] == 20


def _wait_briefly_for_locks() -> None:
    """What lock_timeout does after 5 s, after 0.5 s, so the test is quick."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET lock_timeout = '500ms'")
        else:
            cursor.execute("PRAGMA busy_timeout = 500")


@pytest.mark.django_db(transaction=True)
def test_a_sign_up_waiting_on_a_held_lock_is_told_busy_try_again(client_for, staff, school):
    lunch = LunchFactory(school=school, capacity=10)
    locked, release = threading.Event(), threading.Event()

    def stalled_request():
        try:
            with transaction.atomic():
                Lunch.objects.select_for_update().get(pk=lunch.pk)
                if connection.vendor == "sqlite":
                    Lunch.objects.filter(pk=lunch.pk).update(room="Library")
                locked.set()
                release.wait(30)
        finally:
            connection.close()

    # Signed in first: signing in writes too (SQLite locks the whole database).
    client = client_for(staff)
    client.get(HOME)
    holder = threading.Thread(target=stalled_request)
    holder.start()
    try:
        assert locked.wait(30)
        _wait_briefly_for_locks()
        response = client.post(reverse("events:sign_up", args=[lunch.pk]))
    finally:
        release.set()
        holder.join(30)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = response.content.decode()
    assert "Staffroom is busy: please try again" in page
    assert "nothing was saved" in page
    assert not SignUp.objects.filter(lunch=lunch).exists()
    # Once the lock is gone, the same click works.
    assert client.post(reverse("events:sign_up", args=[lunch.pk])).status_code == 302
    assert SignUp.objects.filter(lunch=lunch, staff=staff).exists()
