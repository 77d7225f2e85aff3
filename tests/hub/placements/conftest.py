import pytest

from hub.models import Role
from tests.factories import StaffFactory
from tests.hub.placements.factories import head_of, make_ask, make_offer, partner_school, trust_with


@pytest.fixture
def partner(db):
    return partner_school()


@pytest.fixture
def trust(school, partner):
    return trust_with(school, partner)


@pytest.fixture
def host(partner):
    return StaffFactory(
        school=partner, full_name="Grace Adeyemi", role=Role.SENIOR_LEADER, job_title="SENCo"
    )


@pytest.fixture
def head(school):
    return head_of(school, full_name="Helen Hughes")


@pytest.fixture
def partner_head(partner):
    return head_of(partner, full_name="Martin Hale")


@pytest.fixture
def ask(trust, staff):
    return make_ask(trust, staff)


@pytest.fixture
def offer(trust, host):
    return make_offer(trust, host)
