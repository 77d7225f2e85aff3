"""A network of three schools: ours (alice, the head, the office), a partner with its own
teacher, and a third; `outsider` (tests/conftest.py) is at a school outside it."""

import pytest

from hub.models import Role
from tests.events.twilights.factories import TwilightFactory, network_of
from tests.factories import SchoolFactory, StaffFactory


@pytest.fixture
def partner_school(db):
    return SchoolFactory(name="Riverside Academy", phase="secondary")


@pytest.fixture
def third_school(db):
    return SchoolFactory(name="Little Acorns Nursery", phase="nursery")


@pytest.fixture
def network(school, partner_school, third_school):
    return network_of(school, partner_school, third_school)


@pytest.fixture
def partner(partner_school):
    return StaffFactory(
        school=partner_school, full_name="Priya Partner", role=Role.TEACHER, phase="secondary"
    )


@pytest.fixture
def lead(third_school, network):
    person = StaffFactory(school=third_school, full_name="Lena Lead", role=Role.SENIOR_LEADER)
    network.leads.add(person)
    return person


@pytest.fixture
def twilight(network, school, moderator):
    return TwilightFactory(network=network, host_school=school, created_by=moderator)


@pytest.fixture
def speed_learning(network, school, moderator):
    return TwilightFactory(
        network=network,
        host_school=school,
        created_by=moderator,
        kind="speed_learning",
        title="Speed Learning: practical ideas",
    )
