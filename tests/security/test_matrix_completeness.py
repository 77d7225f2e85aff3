"""The permission matrix, widened: every role (not only a teacher) and another school's
leaders (moderator and school admin there), whose extra powers must not reach here.

`tests/permissions/test_matrix.py` checks anonymous, a teacher, a moderator, a school
admin and a teacher at another school on every URL. These add the roles it does not
name and a stronger outsider.
"""

import ast
from pathlib import Path

import pytest
from django.urls import reverse

from hub.models import Role
from tests.factories import StaffFactory
from tests.permissions.matrix import ACTORS, World
from tests.permissions.test_matrix import ROWS
from tests.security.rows import object_rows, url_names

OTHER_ROLES = [role for role in Role if role != Role.TEACHER]
ROOT = Path(__file__).resolve().parents[2]


def test_every_url_has_a_row_for_every_actor():
    names = url_names()
    covered = {row.url_name for row in ROWS}
    assert names <= covered, sorted(names - covered)
    for row in ROWS:
        assert set(row.expect) == set(ACTORS), row.url_name
    print(
        f"Permission matrix: {len(names)} URL names, {len(ROWS)} rows, "
        f"{len(ACTORS)} actors + {len(OTHER_ROLES)} more roles + another school's leader"
    )


def test_object_rows_use_an_object_of_the_first_school(world):
    """A row's outsider expectation only proves scoping if the object is this school's."""
    for row in object_rows():
        assert row.expect["outsider"] in (403, 404), row.url_name
        if row.expect["outsider"] == 403:
            # Refused before the lookup (a moderators-only action): the leader test
            # below proves these are 404 for a moderator at another school.
            assert row.expect["staff"] == 403 or row.url_name == "events:add_resources"


def test_who_may_do_what_never_depends_on_a_job_role():
    """The invariant behind the next test: access is decided by the moderator and
    school-admin flags and the one scoping rule, never by the job role (a cook and a
    head without the moderator flag may do the same)."""
    deciders = [ROOT / "hub" / "access.py", ROOT / "hub" / "decorators.py"]
    deciders += [path for path in ROOT.rglob("*.py") if _defines_visible_to(path)]
    readers = {
        str(path.relative_to(ROOT))
        for path in deciders
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute) and node.attr in {"role", "role_group"}
    }
    assert len(deciders) >= 3
    assert not readers


def _defines_visible_to(path: Path) -> bool:
    if any(part in {".venv", "node_modules", "tests", "migrations"} for part in path.parts):
        return False
    return "def visible_to(" in path.read_text()


# One other role per URL, taken in turn, so every role meets about a fifth of the
# URLs and every URL meets a role that is not a teacher's: with the invariant above
# this catches a view that reads the role, at a fifth of the cost of every pair.
ROLE_FOR_ROW = [(row, OTHER_ROLES[number % len(OTHER_ROLES)]) for number, row in enumerate(ROWS)]


@pytest.mark.parametrize(
    ("row", "role"),
    ROLE_FOR_ROW,
    ids=[f"{row.url_name}-{row.method}-{role}" for row, role in ROLE_FOR_ROW],
)
def test_another_role_gets_what_a_teacher_gets(client, world, row, role):
    person = StaffFactory(school=world.school, role=role)
    people = {**world.people, "staff": person}
    world = World(school=world.school, other_school=world.other_school, people=people)
    url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else {})
    client.force_login(person)
    response = getattr(client, row.method)(url, row.data(world) if row.data else {})
    assert response.status_code == row.expect["staff"], f"{row.method} {url} as {role}"


@pytest.mark.parametrize("row", object_rows(), ids=lambda row: f"{row.url_name}-{row.method}")
def test_another_schools_leader_gets_404_on_this_schools_objects(client, world, row):
    leader = StaffFactory(
        school=world.other_school,
        role=Role.HEADTEACHER,
        is_moderator=True,
        is_school_admin=True,
    )
    url = reverse(row.url_name, kwargs=row.kwargs(world))
    client.force_login(leader)
    response = getattr(client, row.method)(url, row.data(world) if row.data else {})
    assert response.status_code == 404, f"{row.method.upper()} {url}: {response.status_code}"
