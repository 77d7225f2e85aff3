"""Shared fixtures: one school with a teacher, a moderator and an admin, and a
teacher at another school (healthchecks' alice / bob / charlie)."""

import itertools
import os

import pytest
from django.core.cache import cache
from django.utils import timezone

from hub.models import Role
from hub.ops import lost_cache
from tests import db_template, mail_backend, s3_server
from tests.browser import html_checker
from tests.factories import SchoolFactory, StaffFactory


def pytest_configure(config):
    # Boots the Nu HTML checker and the loopback S3 server while the tests are
    # collected; the workers share them.
    html_checker.start_for_the_run(config)
    s3_server.start_for_the_run(config)


def pytest_unconfigure(config):
    html_checker.stop_for_the_run()
    s3_server.stop_for_the_run()


@pytest.fixture(scope="session")
def django_db_keepdb(
    request, django_db_modify_db_settings, django_db_use_migrations, django_db_blocker
):
    """pytest-django's choice (`--reuse-db`), except on PostgreSQL with xdist: there each
    worker's database is a copy of one migrated template (tests/db_template.py), made
    before pytest-django's set-up, which is told to keep it; it is dropped here after."""
    if not db_template.applies(request.config, use_migrations=django_db_use_migrations):
        yield request.config.getvalue("reuse_db")
        return
    with django_db_blocker.unblock():
        main_name = db_template.clone_for_this_worker(request.config)
    yield True
    with django_db_blocker.unblock():
        db_template.drop_after_the_run(request.config, main_name)


@pytest.fixture(scope="session")
def _media_roots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("media")
    return (folder / str(number) for number in itertools.count())


@pytest.fixture(autouse=True)
def _media_root(settings, _media_roots):
    """Each test's uploads land in a folder of their own, made when the first file is saved.

    Not `tmp_path`: it scans pytest's temporary folder and swaps a symlink for every
    test (~3 ms each over ~3,000 tests), which only the tests that ask for it need.
    """
    settings.MEDIA_ROOT = next(_media_roots)


@pytest.fixture(autouse=True)
def _no_mail_sent_by_a_request(settings):
    """Every test: mail leaves through the task queue, never from a view (tests/mail_backend.py).

    Set here, not in test_settings: Django's test set-up replaces EMAIL_BACKEND.
    """
    settings.EMAIL_BACKEND = "tests.mail_backend.RequestAwareBackend"
    mail_backend.reset()
    yield
    assert not mail_backend.violations, f"A web request sent mail itself: {mail_backend.violations}"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rolled-back tests reuse ids and versions: no fragment cached in one test may meet another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_lost_cache_report_made_yet(monkeypatch):
    """The once-a-minute "cache cannot be reached" report is per process: a test that
    lost the cache must not keep the next one's report from being written."""
    monkeypatch.setattr(lost_cache, "_reports", lost_cache._Reports())


@pytest.fixture(scope="session")
def s3_endpoint():
    """The run's loopback S3 server (started in pytest_configure), or one of this process's."""
    url = os.environ.get(s3_server.URL_VARIABLE)
    if url:
        s3_server.wait_until_ready(url)
        yield url
        return
    server = s3_server.S3Server()
    try:
        s3_server.wait_until_ready(server.url, server.process)
        yield server.url
    finally:
        server.stop()


@pytest.fixture
def s3_bucket(s3_endpoint):
    """A bucket of this test's own on the loopback S3 server."""
    bucket = s3_server.Bucket(s3_endpoint)
    yield bucket
    bucket.remove()


@pytest.fixture
def on_s3(settings, s3_bucket):
    """Files in this test go to its bucket, as with STAFFROOM_STORAGE=s3."""
    settings.STORAGES = {**settings.STORAGES, "default": s3_bucket.storage_setting}
    return s3_bucket


@pytest.fixture
def within_one_minute(monkeypatch):
    """Stop the clock: ETags and time-bound fragments (hub.fragments) change with the
    minute, so a test that expects a 304 or a cache hit must not cross into the next."""
    moment = timezone.now()
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def school(db):
    return SchoolFactory(name="Oakfield Primary School")


@pytest.fixture
def other_school(db):
    return SchoolFactory(name="Hillside Juniors")


@pytest.fixture
def staff(school):
    return StaffFactory(
        school=school, full_name="Alice Teacher", email="alice@oakfield.example", role=Role.TEACHER
    )


@pytest.fixture
def moderator(school):
    return StaffFactory(
        school=school,
        full_name="Helen Head",
        email="head@oakfield.example",
        role=Role.HEADTEACHER,
        is_moderator=True,
    )


@pytest.fixture
def school_admin(school):
    return StaffFactory(
        school=school,
        full_name="Olivia Office",
        email="office@oakfield.example",
        role=Role.OFFICE,
        is_school_admin=True,
    )


@pytest.fixture
def outsider(other_school):
    return StaffFactory(
        school=other_school, full_name="Oscar Outsider", email="oscar@hillside.example"
    )


@pytest.fixture
def client_for(client):
    """Sign a test client in as someone: `client_for(staff).get(...)`."""

    def sign_in(person):
        client.force_login(person)
        return client

    return sign_in
