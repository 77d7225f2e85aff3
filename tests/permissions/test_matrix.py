"""Every URL against every role and another school's staff (pretix's permission test)."""

import importlib
import pkgutil

import pytest
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


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.url_name}-{row.method}")
def test_permission(client, world, row, actor):
    kwargs = row.kwargs(world) if row.kwargs else {}
    url = reverse(row.url_name, kwargs=kwargs)
    if actor != "anonymous":
        client.force_login(world.people[actor])
    data = row.data(world) if row.data else {}
    response = getattr(client, row.method)(url, data)
    assert response.status_code == row.expect[actor], (
        f"{row.method.upper()} {url} as {actor}: {response.status_code}, "
        f"expected {row.expect[actor]}"
    )
