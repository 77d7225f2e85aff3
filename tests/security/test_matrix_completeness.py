"""The permission matrix, widened: every role (not only a teacher) and another school's
leaders (moderator and school admin there), whose extra powers must not reach here.

`tests/permissions/test_matrix.py` checks anonymous, a teacher, a moderator, a school
admin and a teacher at another school on every URL. These add the roles it does not
name and a stronger outsider.
"""

import pytest
from django.urls import reverse

from hub.models import Role
from tests.factories import StaffFactory
from tests.permissions.matrix import ACTORS, World
from tests.permissions.test_matrix import ROWS
from tests.security.rows import object_rows, url_names

OTHER_ROLES = [role for role in Role if role != Role.TEACHER]


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


@pytest.mark.parametrize("role", OTHER_ROLES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: f"{row.url_name}-{row.method}")
def test_every_role_gets_what_a_teacher_gets(client, world, role, row):
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
