"""Shared fixtures: one school with a teacher, a moderator and an admin, and a
teacher at another school (healthchecks' alice / bob / charlie)."""

import itertools

import pytest
from django.core.cache import cache
from django.utils import timezone

from hub.models import Role
from hub.ops import lost_cache
from tests import db_template, mail_backend
from tests.browser import html_checker
from tests.factories import SchoolFactory, StaffFactory


def pytest_configure(config):
    # Boots the Nu HTML checker while the tests are collected; the workers share it.
    html_checker.start_for_the_run(config)


def pytest_unconfigure(config):
    html_checker.stop_for_the_run()


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
