"""A trust with one member school (its lead works there) that `school` may join."""

import pytest

from hub.models import Role
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory


@pytest.fixture
def trust_school(db):
    return SchoolFactory(name="Riverside Academy", phase="secondary", number_of_pupils=900)


@pytest.fixture
def lead(trust_school):
    return StaffFactory(
        school=trust_school,
        full_name="Lena Lead",
        email="lena@riverside.example",
        role=Role.SENIOR_LEADER,
        is_moderator=True,
    )


@pytest.fixture
def trust(trust_school, lead):
    network = NetworkFactory(name="Northshire Learning Trust")
    network.schools.add(trust_school)
    network.leads.add(lead)
    return network
