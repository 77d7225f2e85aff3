"""Every URL against every role and another school's staff (pretix's permission test)."""

import importlib
import pkgutil

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.permissions
from tests.permissions.matrix import ACTORS, Row, World

# Django's own admin is for superusers and guarded by Django itself.
EXEMPT_NAMESPACES = ("admin",)


def _all_rows() -> list[Row]:
    rows = []
    for module in pkgutil.iter_modules(tests.permissions.__path__):
        if module.name.startswith("rows_"):
            rows.extend(importlib.import_module(f"tests.permissions.{module.name}").ROWS)
    return rows


ROWS = _all_rows()


def _url_names(resolver=None, namespace="") -> set[str]:
    resolver = resolver or get_resolver()
    names = set()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}{pattern.namespace}:"
            if pattern.namespace in EXEMPT_NAMESPACES:
                continue
            names |= _url_names(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_has_a_row():
    covered = {row.url_name for row in ROWS}
    missing = sorted(name for name in _url_names() if name not in covered)
    assert not missing, f"URLs with no permission-matrix row: {missing}"


@pytest.fixture
def world(school, other_school, staff, moderator, school_admin, outsider):
    people = {
        "staff": staff,
        "moderator": moderator,
        "admin": school_admin,
        "outsider": outsider,
    }
    return World(school=school, other_school=other_school, people=people)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.url_name}-{row.method}")
def test_permission(world, row):
    """Every actor on the row's URL, each as if in a test of its own.

    One test per row, not per row and actor: building the world and the row's object
    was most of the cost of ~750 cases. Each actor's request runs from a fresh client
    with an empty cache, in a savepoint rolled back after it, so no actor sees what
    another changed (a deletion, a sign-up, a cached page); every actor is tried and
    every wrong answer reported.
    """
    kwargs = row.kwargs(world) if row.kwargs else {}
    url = reverse(row.url_name, kwargs=kwargs)
    answers = {actor: _answer(world, row, url, actor) for actor in ACTORS}
    wrong = [
        f"{row.method.upper()} {url} as {actor}: {answers[actor]}, expected {row.expect[actor]}"
        for actor in ACTORS
        if answers[actor] != row.expect[actor]
    ]
    assert not wrong, "\n".join(wrong)


def _answer(world: World, row: Row, url: str, actor: str) -> int:
    client = Client()
    cache.clear()
    try:
        with transaction.atomic():
            if actor != "anonymous":
                client.force_login(world.people[actor])
            data = row.data(world) if row.data else {}
            response = getattr(client, row.method)(url, data)
            transaction.set_rollback(True)
    except Exception as error:
        error.add_note(f"{row.method.upper()} {url} as {actor}")
        raise
    return response.status_code
