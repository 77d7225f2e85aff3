"""Any order of clicks by anyone: a placement only ever moves forward along its steps,
is approved only when it was agreed and both heads said yes, and an offer never holds
more colleagues than its places (random sequences of actions, Hypothesis)."""

import contextlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hub.models import Placement, PlacementState
from hub.models.placements import HOLDS_A_PLACE
from hub.placements import services
from tests.factories import StaffFactory
from tests.hub.placements.factories import (
    head_of,
    make_ask,
    make_offer,
    make_placement,
    partner_school,
    trust_with,
)

pytestmark = pytest.mark.django_db

ACTIONS = ("agree", "decline", "approve", "refuse", "withdraw")
PEOPLE = ("visitor", "host", "head", "partner_head", "stranger")
# Most clicks come from the person the step is for, and approvals (two are needed) come
# more often, so that many sequences reach an approved placement.
WHO = st.sampled_from(PEOPLE + ("natural",) * 4 * len(PEOPLE))
CLICKS = st.sampled_from(ACTIONS + ("agree", "approve", "approve", "approve"))
NEXT = {
    PlacementState.PROPOSED: {
        PlacementState.AGREED,
        PlacementState.DECLINED,
        PlacementState.WITHDRAWN,
    },
    PlacementState.AGREED: {
        PlacementState.APPROVED,
        PlacementState.DECLINED,
        PlacementState.WITHDRAWN,
    },
    PlacementState.APPROVED: {PlacementState.WITHDRAWN},
    PlacementState.DECLINED: set(),
    PlacementState.WITHDRAWN: set(),
}


def natural(action, placement) -> str:
    if action in ("agree", "decline"):
        return "host"
    if action in ("approve", "refuse"):
        return "partner_head" if placement.visitor_head_at else "head"
    return "visitor"


def act(action, placement, person):
    if action in ("agree", "decline"):
        return services.placement_respond(placement=placement, by=person, agree=action == "agree")
    if action in ("approve", "refuse"):
        return services.placement_decide(
            placement=placement, by=person, approve=action == "approve"
        )
    return services.placement_withdraw(placement=placement, by=person)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(st.tuples(CLICKS, WHO, st.sampled_from((0, 0, 0, 1))), min_size=6, max_size=20)
)
def test_any_order_of_clicks_keeps_the_steps(school, steps):
    partner = partner_school()
    trust = trust_with(school, partner)
    offer = make_offer(trust, StaffFactory(school=partner), capacity=1)
    placements = [
        make_placement(make_ask(trust, StaffFactory(school=school)), offer) for _ in range(2)
    ]
    people = {
        "head": head_of(school),
        "partner_head": head_of(partner),
        "stranger": StaffFactory(school=school),
        "host": offer.host,
    }
    for action, who, which in steps:
        placement = Placement.objects.get(pk=placements[which].pk)
        if who == "natural":
            who = natural(action, placement)
        person = placement.visitor if who == "visitor" else people[who]
        before = placement.state
        with contextlib.suppress(PermissionDenied, ValidationError):
            act(action, placement, person)
        after = Placement.objects.get(pk=placement.pk)
        assert after.state == before or after.state in NEXT[before]
        if after.state == PlacementState.APPROVED:
            assert after.agreed_at and after.visitor_head_at and after.host_head_at
        assert offer.placements.filter(state__in=HOLDS_A_PLACE).count() <= offer.capacity
