"""NUL and the other C0 control characters in every query-string parameter and every form
field (issue 14, item 3). PostgreSQL refuses NUL in text (it was a 500 on `/board/?q=%00`
and lost a moderator's typed feedback); `hub.middleware.ControlCharacterMiddleware` drops
them where a request comes in. Run on PostgreSQL too (`make test-postgres`)."""

import functools
import operator
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.core.cache import cache
from django.db import models, transaction
from django.db.models import Q, Value
from django.test import Client
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
    """Every text column holding a control character (NUL apart: PostgreSQL refuses it).

    One query asks every table at once (a UNION of one filter per model, its text
    columns OR-ed); only when it finds something are the columns named one by one.
    A query per column was ~180 queries after each of ~80 POSTs.
    """
    pattern = f"[{CONTROL[1:]}]"
    columns = {
        model: [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
        ]
        for model in apps.get_models()
    }
    holding = [
        model._default_manager.filter(
            functools.reduce(operator.or_, (Q(**{f"{name}__regex": pattern}) for name in names))
        )
        .order_by()
        .values_list(Value(model._meta.label, output_field=models.CharField()))
        for model, names in columns.items()
        if names
    ]
    labels = set(holding[0].union(*holding[1:], all=True))
    return [
        f"{model._meta.label}.{name}"
        for model, names in columns.items()
        if (model._meta.label,) in labels
        for name in names
        if model._default_manager.filter(**{f"{name}__regex": pattern}).exists()
    ]


def test_it_knows_the_parameters_the_issue_named():
    names = parameter_names()
    assert {"q", "tag", "tags", "week", "reason", "page", "start", "end", "text"} <= names


def _each_value(world: World, row: Row) -> list[str]:
    """The row's request once per value, each as if in a test of its own: in a savepoint
    rolled back after it, from a fresh client, with an empty cache (one test per row, not
    per row and value: the world was half the cost). What went wrong, per value."""
    failures = []
    for value in VALUES:
        cache.clear()
        try:
            with transaction.atomic():
                url, response = _send(Client(), world, row, value, parameter_names())
                stored = _stored_control_characters() if row.method == "post" else []
                transaction.set_rollback(True)
        except Exception as error:
            error.add_note(f"{row.method.upper()} {row.url_name} with {value!r} in every field")
            raise
        if response.status_code >= 500:
            failures.append(f"{row.method.upper()} {url} with {value!r}: {response.status_code}")
        if stored:
            failures.append(f"POST {url} with {value!r} stored control characters in {stored}")
    return failures


@pytest.mark.parametrize(
    "row", [row for row in ROWS if row.method == "get"], ids=lambda row: row.url_name
)
def test_every_get_url_takes_control_characters_in_every_parameter(world, row):
    assert not _each_value(world, row)


@pytest.mark.parametrize(
    "row", [row for row in ROWS if row.method == "post"], ids=lambda row: row.url_name
)
def test_every_form_field_takes_control_characters_and_stores_none(world, row):
    assert not _each_value(world, row)


def test_a_stored_control_character_is_found_and_named(staff):
    """The check the POST sweep relies on finds what it looks for (so it cannot pass
    vacuously): a job title holding a bell character."""
    assert not _stored_control_characters()
    staff.job_title = "Head of\x07 maths"
    staff.save(update_fields=["job_title"])
    assert _stored_control_characters() == ["hub.Staff.job_title"]


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
