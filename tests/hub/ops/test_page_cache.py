import contextlib
import re
from datetime import timedelta

import pytest
from django.contrib.messages import constants, get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.models import Phase, School, Staff
from hub.ops import content_versions
from hub.ops.content_versions import changed_table, current_tokens, school_scope
from hub.ops.page_cache import CACHE_HEADER

pytestmark = pytest.mark.usefixtures("within_one_minute")
HOME = reverse("hub:home")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


def without_csrf_tokens(page: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", page)


def save_profile(client, name):
    data = {"full_name": name, "display_name": "", "job_title": "", "phase": Phase.PRIMARY}
    return client.post(reverse("hub:edit_profile"), data)


def test_a_second_visit_is_served_from_the_cache_with_a_fresh_csrf_token(staff):
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    first = client.get(HOME)
    second = client.get(HOME)
    assert (first[CACHE_HEADER], second[CACHE_HEADER]) == ("miss", "hit")
    assert without_csrf_tokens(second.content.decode()) == without_csrf_tokens(
        first.content.decode()
    )
    assert "\x00" not in second.content.decode()
    token = CSRF.search(second.content.decode()).group(1)
    assert client.post(reverse("logout"), {"csrfmiddlewaretoken": token}).status_code == 302


def test_a_page_served_from_the_cache_costs_no_more_than_signing_in(
    client_for, staff, django_assert_max_num_queries
):
    client = client_for(staff)
    client.get(HOME)
    # The session, the person and their school (for its time zone).
    with django_assert_max_num_queries(3):
        assert client.get(HOME)[CACHE_HEADER] == "hit"


def test_nobody_is_ever_served_someone_elses_page(client_for, staff, moderator):
    assert "Hello, Alice Teacher" in client_for(staff).get(HOME).content.decode()
    page = client_for(moderator).get(HOME)
    assert page[CACHE_HEADER] == "miss"
    assert "Hello, Helen Head" in page.content.decode()
    assert "Alice Teacher" not in page.content.decode()


def test_a_colleagues_change_renders_the_page_afresh(client, staff, moderator):
    client.force_login(staff)
    client.get(HOME)
    colleague = Client()
    colleague.force_login(moderator)
    assert save_profile(colleague, "Helen Headteacher").status_code == 302
    again = client.get(HOME)
    assert again[CACHE_HEADER] == "miss"


def test_a_change_at_another_school_keeps_this_schools_pages(client, staff, outsider):
    elsewhere = Client()
    elsewhere.force_login(outsider)
    client.force_login(staff)
    client.get(HOME)
    assert save_profile(elsewhere, "Oscar Renamed").status_code == 302
    assert client.get(HOME)[CACHE_HEADER] == "hit"


def test_a_change_made_outside_a_request_reaches_every_page(client_for, staff, school):
    client = client_for(staff)
    client.get(HOME)
    School.objects.filter(pk=school.pk).update(name="Oakfield Academy")
    page = client.get(HOME)
    assert page[CACHE_HEADER] == "miss"
    assert "Oakfield Academy" in page.content.decode()


@pytest.fixture
def replacements(monkeypatch):
    """Every token replacement, in order, on a database that really commits."""
    made = []
    replace = content_versions.replace_token

    def counting(scope):
        made.append(scope)
        replace(scope)

    monkeypatch.setattr(content_versions, "replace_token", counting)
    return made


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_replaces_the_token_again_after_the_commit(replacements):
    school = School.objects.create(name="Committed School")
    with transaction.atomic():
        School.objects.filter(pk=school.pk).update(name="Renamed School")
        during = current_tokens(school.pk)
    assert current_tokens(school.pk)[1] != during[1]


@pytest.mark.django_db(transaction=True)
def test_a_transaction_replaces_each_token_once_after_commit_however_many_rows(replacements):
    school = School.objects.create(name="Busy School")
    replacements.clear()
    with transaction.atomic():
        for name in ("One", "Two", "Three"):
            School.objects.filter(pk=school.pk).update(name=name)
    assert replacements == ["everyone"] * 4  # one per statement, one after the commit


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_savepoint_does_not_take_the_after_commit_replacement_with_it(
    replacements,
):
    school = School.objects.create(name="Careful School")
    with transaction.atomic():
        with contextlib.suppress(RuntimeError), transaction.atomic():
            School.objects.filter(pk=school.pk).update(name="Rolled back")
            raise RuntimeError
        School.objects.filter(pk=school.pk).update(name="Kept")
        replacements.clear()
        during = current_tokens(school.pk)
    assert replacements == ["everyone"]
    assert current_tokens(school.pk)[1] != during[1]


def test_signing_in_and_sessions_keep_the_cached_pages(client, staff):
    staff.set_password("a long enough passphrase")
    staff.save()
    client.post(reverse("login"), {"username": staff.email, "password": "a long enough passphrase"})
    client.get(HOME)
    session = client.session
    session["seen"] = True
    session.save()
    assert client.get(HOME)[CACHE_HEADER] == "hit"


def test_a_lost_token_never_brings_back_an_old_page(client_for, staff):
    client = client_for(staff)
    client.get(HOME)
    content_versions.cache.delete_many(
        [f"content-version:{school_scope(staff.school_id)}", "content-version:everyone"]
    )
    assert client.get(HOME)[CACHE_HEADER] == "miss"


def test_the_next_minute_renders_afresh(client_for, staff, monkeypatch):
    client = client_for(staff)
    client.get(HOME)
    later = timezone.now() + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(HOME)[CACHE_HEADER] == "miss"


def test_waiting_messages_are_shown_and_the_page_is_not_kept(rf, staff, client_for):
    from hub.views.home import home

    request = rf.get(HOME)
    request.user = staff
    request.session = client_for(staff).session
    request._messages = FallbackStorage(request)
    request._messages.add(constants.SUCCESS, "Your idea is on the board.")
    response = home(request)
    assert "Your idea is on the board." in response.content.decode()
    assert CACHE_HEADER not in response
    assert not get_messages(request)._queued_messages


def test_htmx_requests_are_never_cached(client_for, staff):
    client = client_for(staff)
    client.get(HOME, headers={"HX-Request": "true"})
    assert CACHE_HEADER not in client.get(HOME, headers={"HX-Request": "true"})


def test_it_is_off_unless_switched_on(client_for, staff, settings):
    settings.STAFFROOM_PAGE_CACHE = False
    client = client_for(staff)
    client.get(HOME)
    assert CACHE_HEADER not in client.get(HOME)


def test_a_moved_on_token_makes_every_write_count(staff):
    before = current_tokens(staff.school_id)
    Staff.objects.filter(pk=staff.pk).update(job_title="Deputy head")
    after = current_tokens(staff.school_id)
    assert after[1] != before[1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    assert current_tokens(staff.school_id) == after


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('SELECT "hub_staff"."id" FROM "hub_staff"', None),
        ("  select 1", None),
        ('(SELECT "id" FROM "ideas_idea") UNION (SELECT "id" FROM "events_lunch")', None),
        ("SAVEPOINT s1", None),
        ('INSERT INTO "ideas_idea" ("title") VALUES (%s)', "ideas_idea"),
        ('INSERT OR REPLACE INTO "hub_school" VALUES (1)', "hub_school"),
        ('UPDATE "hub_staff" SET "last_login" = %s', "hub_staff"),
        ('DELETE FROM "django_session" WHERE 1', "django_session"),
        ("TRUNCATE hub_school", ""),
    ],
)
def test_it_tells_a_write_from_a_read(sql, table):
    assert changed_table(sql) == table


def test_the_tables_it_does_not_watch_are_real_tables(db):
    tables = set(connection.introspection.table_names())
    assert tables >= content_versions.UNWATCHED_TABLES
    assert any(table.startswith(content_versions.UNWATCHED_PREFIXES) for table in tables)


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("the cache server is down")

        return fail


def test_pages_and_writes_carry_on_when_the_cache_is_down(client_for, staff, monkeypatch, caplog):
    client = client_for(staff)
    monkeypatch.setattr(content_versions, "cache", BrokenCache())
    monkeypatch.setattr("hub.ops.page_cache.cache", BrokenCache())
    page = client.get(HOME)
    assert page.status_code == 200 and CACHE_HEADER not in page
    assert save_profile(client, "Alice Still Here").status_code == 302
    staff.refresh_from_db()
    assert staff.full_name == "Alice Still Here"
    assert "could not" in caplog.text.lower()
