"""School fragments (hub.fragments): built once per school content version, never
stale, never another person's, and a lost cache costs speed only."""

import re

import pytest
from django.core.cache.backends.locmem import LocMemCache
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from hub import fragments
from hub.content import school_changed
from hub.fragments import Fragment, personal, school_fragment
from hub.models import Phase
from ideas.board import services as board
from tests.ideas.board.factories import IdeaFactory

pytestmark = pytest.mark.django_db
HOME = reverse("hub:home")
BOARD = reverse("ideas:board")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


class BrokenCache:
    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("the cache server is down")

        return fail


def save_profile(client, name):
    data = {"full_name": name, "display_name": "", "job_title": "", "phase": Phase.PRIMARY}
    return client.post(reverse("hub:edit_profile"), data)


def signed_in(person, **kwargs) -> Client:
    client = Client(**kwargs)
    client.force_login(person)
    return client


def counting_builds():
    built = []

    def build():
        built.append(1)
        return Fragment(f"<p>build {len(built)}</p>")

    return built, build


def test_a_fragment_is_built_once_per_school_version_and_parts(school, other_school):
    built, build = counting_builds()
    assert school_fragment(school, "demo", build).html == "<p>build 1</p>"
    assert school_fragment(school, "demo", build).html == "<p>build 1</p>"
    assert school_fragment(school, "demo", build, parts=["page 2"]).html == "<p>build 2</p>"
    assert school_fragment(other_school, "demo", build).html == "<p>build 3</p>"
    school_changed(school)
    school.refresh_from_db()
    assert school_fragment(school, "demo", build).html == "<p>build 4</p>"


def test_the_off_switch_builds_every_time(school, settings):
    settings.STAFFROOM_FRAGMENT_CACHE = False
    built, build = counting_builds()
    school_fragment(school, "demo", build)
    school_fragment(school, "demo", build)
    assert len(built) == 2


def test_a_server_that_lost_its_cache_still_never_serves_an_old_fragment(school, monkeypatch):
    """Server A renders and stores at version v; the cache goes away while a colleague
    changes the school through server B; when it comes back, A's next request reads
    the new version with the school row and builds afresh."""
    built, build = counting_builds()
    shared = LocMemCache("shared-redis", {})
    monkeypatch.setattr(fragments, "cache", shared)
    school_fragment(school, "demo", build)
    monkeypatch.setattr(fragments, "cache", BrokenCache())
    school_changed(school)  # the write goes through without the cache
    monkeypatch.setattr(fragments, "cache", shared)
    school.refresh_from_db()  # the next request loads the school row
    assert school_fragment(school, "demo", build).html == "<p>build 2</p>"


def test_mine_keeps_each_persons_own_branch_and_the_csrf_token_is_theirs(rf_request):
    template = Template(
        '{% load fragments %}{% for n in items %}{% mine "liked" n when n in liked %}'
        "[{{ n }} liked]{% else %}[{{ n }}]{% endmine %}{% endfor %}{% csrf_token %}"
    )
    normal = template.render(Context({"items": [1, 2], "liked": [2]}))
    assert normal.startswith("[1][2 liked]")
    shared = template.render(
        Context(
            {"items": [1, 2], "liked": [2], "school_fragment": True, "csrf_token": "\x00csrf\x00"}
        )
    )
    fragment = Fragment(shared)
    assert personal(fragment, rf_request, {"liked:1"}).startswith("[1 liked][2]")
    assert personal(fragment, rf_request).startswith("[1][2]")
    assert "\x00" not in personal(fragment, rf_request)


@pytest.fixture
def rf_request():
    return RequestFactory().get("/")


def test_every_person_posts_with_their_own_csrf_token_from_a_shared_wall(staff, moderator):
    idea = IdeaFactory(author=moderator, title="Exit tickets")
    first = signed_in(moderator, enforce_csrf_checks=True)
    first_token = CSRF.search(first.get(BOARD).content.decode()).group(1)
    second = signed_in(staff, enforce_csrf_checks=True)
    page = second.get(BOARD).content.decode()
    tokens = set(CSRF.findall(page))
    assert first_token not in tokens  # the wall came from the cache, with this person's token
    react = reverse("ideas:react", args=[idea.pk])
    for token in tokens:  # the wall's (one per page) and the post-it form's
        data = {"kind": "will_try", "next": BOARD, "csrfmiddlewaretoken": token}
        assert second.post(react, data).status_code == 302
    page = second.get(BOARD).content.decode()
    assert 'aria-pressed="true"' in page and "<!--" not in page.split("<main")[1]


def test_stats_header_counts_hits_and_misses(staff, moderator, settings):
    settings.STAFFROOM_FRAGMENT_STATS = True
    IdeaFactory(author=moderator)
    first = signed_in(moderator).get(BOARD)
    assert first[fragments.STATS_HEADER] == "hits=0 misses=2"
    again = signed_in(staff).get(BOARD)
    assert again[fragments.STATS_HEADER] == "hits=2 misses=0"
    settings.STAFFROOM_FRAGMENT_STATS = False
    assert fragments.STATS_HEADER not in signed_in(staff).get(BOARD)


def test_pages_and_writes_carry_on_when_the_cache_is_down(staff, monkeypatch, caplog):
    client = signed_in(staff)
    monkeypatch.setattr(fragments, "cache", BrokenCache())
    assert client.get(HOME).status_code == 200
    assert client.get(BOARD).status_code == 200
    assert save_profile(client, "Alice Still Here").status_code == 302
    staff.refresh_from_db()
    assert staff.full_name == "Alice Still Here"
    assert "cannot be reached" in caplog.text


def test_a_colleagues_new_idea_shows_on_a_wall_already_built(staff, moderator):
    viewer, colleague = signed_in(staff), signed_in(moderator)
    assert "Exit tickets" not in viewer.get(BOARD).content.decode()
    board.idea_create(
        author=moderator, title="Exit tickets", note="Three Qs", tags=[], colour="blue"
    )
    assert "Exit tickets" in viewer.get(BOARD).content.decode()
    assert "Exit tickets" in colleague.get(BOARD).content.decode()
