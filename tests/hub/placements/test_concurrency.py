"""Races between real connections: two heads approving at once, two agreements for the
last place, one proposal sent from both sides at once (row locks on PostgreSQL; on
SQLite writers queue on the database lock)."""

import pytest
from django.core.exceptions import ValidationError

from hub.models import Placement, PlacementState
from hub.placements import services
from tests.concurrency import run_at_once
from tests.factories import StaffFactory
from tests.hub.placements.factories import make_ask, make_placement, soon

pytestmark = pytest.mark.django_db(transaction=True)


def test_both_heads_approving_at_once_leave_it_approved(ask, offer, head, partner_head):
    placement = make_placement(ask, offer, state=PlacementState.AGREED)
    errors = run_at_once(
        lambda: services.placement_decide(placement=placement, by=head, approve=True),
        lambda: services.placement_decide(placement=placement, by=partner_head, approve=True),
    )
    assert errors == []
    placement.refresh_from_db()
    assert placement.state == PlacementState.APPROVED
    assert (placement.visitor_head, placement.host_head) == (head, partner_head)


def test_two_agreements_for_the_last_place_take_it_once(trust, school, host, ask, offer):
    first = make_placement(ask, offer)
    second = make_placement(make_ask(trust, StaffFactory(school=school)), offer)
    errors = run_at_once(
        lambda: services.placement_respond(placement=first, by=host, agree=True),
        lambda: services.placement_respond(placement=second, by=host, agree=True),
    )
    assert [type(error) for error in errors] == [ValidationError]
    assert Placement.objects.filter(state=PlacementState.AGREED).count() == 1


def test_both_sides_proposing_at_once_make_one_placement(staff, host, ask, offer):
    errors = run_at_once(
        lambda: services.placement_propose(by=staff, ask=ask, offer=offer, starts_on=soon(2)),
        lambda: services.placement_propose(by=host, ask=ask, offer=offer, starts_on=soon(3)),
    )
    assert errors == []
    assert Placement.objects.count() == 1
