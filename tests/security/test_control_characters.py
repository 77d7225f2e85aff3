"""NUL and the other C0 control characters in every query-string parameter and every form
field (issue 14, item 3). PostgreSQL refuses NUL in text (it was a 500 on `/board/?q=%00`
and lost a moderator's typed feedback); `hub.middleware.ControlCharacterMiddleware` drops
them where a request comes in. Run on PostgreSQL too (`make test-postgres`)."""

import functools
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.db import models
from django.urls import reverse

from hub.models import Status
from tests.hub.leaders.factories import note_by_colleague
from tests.permissions.matrix import Row, World
from tests.permissions.test_matrix import ROWS

ROOT = Path(__file__).resolve().parents[2]
CONTROL = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")
KEPT = "\t\n\r"
VALUES = ("\x00", f"a{CONTROL}b")
READS = re.compile(r"""(?:GET|POST|data)(?:\.get|\.getlist|\[)\(?\s*["']([a-z_]+)["']""")


def _project_forms() -> list[type[forms.BaseForm]]:
    found, todo = [], [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] in ("hub", "ideas", "events"):
            found.append(cls)
    return found


def parameter_names() -> set[str]:
    """Every name a view reads from a query string or form: the fields of every form in
    the project, and every name the code looks up in request.GET / request.POST."""
    names = set(_names_looked_up_in_the_code())
    for form in _project_forms():
        names |= set(form.base_fields)
    return names


@functools.cache
def _names_looked_up_in_the_code() -> frozenset[str]:
    """Read once per run: the source does not change while the tests run, and reading
    every module of the project for each of ~240 requests cost more than the requests."""
    names = set()
    for app in ("hub", "ideas", "events"):
        for path in (ROOT / app).rglob("*.py"):
            names |= set(READS.findall(path.read_text()))
    return frozenset(names)


def _acting_as(row: Row) -> str:
    """Someone the row lets in, so the request reaches the view's own code."""
    for actor in ("staff", "moderator", "admin"):
        if row.expect[actor] in (200, 302):
            return actor
    return "anonymous"


def _send(client, world: World, row: Row, value: str, names: set[str]):
    actor = _acting_as(row)
    client.logout()
    if actor != "anonymous":
        client.force_login(world.people[actor])
    url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else {})
    data = {name: f"x{value}y" for name in names}
    if row.method == "get":
        return url, client.get(url, data)
    given = row.data(world) if row.data else {}
    for name, given_value in given.items():
        data[name] = f"{given_value}{value}" if isinstance(given_value, str) else given_value
    return url, client.post(url, data)


def _stored_control_characters() -> list[str]:
    """Every text column holding a control character (NUL apart: PostgreSQL refuses it)."""
    pattern = f"[{CONTROL[1:]}]"
    return [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and model._default_manager.filter(**{f"{field.name}__regex": pattern}).exists()
    ]


def test_it_knows_the_parameters_the_issue_named():
    names = parameter_names()
    assert {"q", "tag", "tags", "week", "reason", "page", "start", "end", "text"} <= names


@pytest.mark.parametrize("value", VALUES, ids=["nul", "every-c0"])
@pytest.mark.parametrize(
    "row", [row for row in ROWS if row.method == "get"], ids=lambda row: row.url_name
)
def test_every_get_url_takes_control_characters_in_every_parameter(client, world, row, value):
    url, response = _send(client, world, row, value, parameter_names())
    assert response.status_code < 500, f"GET {url}: {response.status_code}"


@pytest.mark.parametrize("value", VALUES, ids=["nul", "every-c0"])
@pytest.mark.parametrize(
    "row", [row for row in ROWS if row.method == "post"], ids=lambda row: row.url_name
)
def test_every_form_field_takes_control_characters_and_stores_none(client, world, row, value):
    url, response = _send(client, world, row, value, parameter_names())
    assert response.status_code < 500, f"POST {url}: {response.status_code}"
    assert not _stored_control_characters(), url


def test_a_moderators_feedback_keeps_its_text_without_the_nul(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    url = reverse("hub:moderate", args=["leaders_app.note", note.pk, "return"])
    response = client_for(moderator).post(
        url, {"version": note.version, "reason": "Add a\x00 photo?\x07\nThanks"}
    )
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.status, note.moderation_note) == (Status.RETURNED, "Add a photo?\nThanks")


def test_a_search_for_only_a_nul_is_a_search_for_nothing(client_for, staff):
    client = client_for(staff)
    for url in ("/board/?q=%00", "/board/?tag=%00", "/board/?q=%00&scope=all"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert client.get(reverse("ideas:tag_suggestions"), {"tags": "\x00"}).status_code == 200


def test_tab_and_line_breaks_in_a_text_area_are_kept(client_for, staff):
    from ideas.board.models import Comment
    from tests.ideas.board.factories import IdeaFactory

    idea = IdeaFactory(author=staff)
    client_for(staff).post(reverse("ideas:comment", args=[idea.pk]), {"text": "One\tTwo\r\nThree"})
    assert Comment.objects.get(idea=idea).text.replace("\r", "") == "One\tTwo\nThree"
