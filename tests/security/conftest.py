import pytest

from tests.permissions.matrix import World


@pytest.fixture
def world(school, other_school, staff, moderator, school_admin, outsider):
    people = {"staff": staff, "moderator": moderator, "admin": school_admin, "outsider": outsider}
    return World(school=school, other_school=other_school, people=people)
