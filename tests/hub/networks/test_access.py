"""Who finds a network: its member schools' staff and its leads; nobody else."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from hub.networks.access import led_network_or_404, network_or_404, networks_of
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust():
    network = NetworkFactory()
    network.schools.add(SchoolFactory(), SchoolFactory())
    return network


def test_member_schools_staff_see_the_network_and_outsiders_get_404(trust):
    member = StaffFactory(school=trust.schools.first())
    outsider = StaffFactory()
    assert list(networks_of(member)) == [trust]
    assert network_or_404(member, trust.pk) == trust
    with pytest.raises(Http404):
        network_or_404(outsider, trust.pk)
    with pytest.raises(Http404):
        network_or_404(member, "not-a-number")


def test_a_lead_from_outside_the_member_schools_sees_and_leads_it(trust):
    central_team = StaffFactory()
    trust.leads.add(central_team)
    assert led_network_or_404(central_team, trust.pk) == trust


def test_a_member_who_does_not_lead_is_refused_a_leads_action(trust):
    member = StaffFactory(school=trust.schools.first())
    with pytest.raises(PermissionDenied):
        led_network_or_404(member, trust.pk)
    with pytest.raises(Http404):
        led_network_or_404(StaffFactory(), trust.pk)
