"""Asks, offers and placements for tests: a network with dates a month ahead."""

from datetime import timedelta

from django.utils import timezone

from hub.models import Placement, PlacementAsk, PlacementOffer, PlacementState, Role
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory


def soon(days: int = 0):
    return timezone.localdate() + timedelta(days=14 + days)


def trust_with(*schools):
    network = NetworkFactory(name="Northshire Learning Trust")
    network.schools.add(*schools)
    return network


def partner_school():
    return SchoolFactory(name="Riverside Academy", phase="secondary")


def head_of(school, **fields):
    return StaffFactory(
        school=school, role=Role.HEADTEACHER, is_moderator=True, manages_settings=True, **fields
    )


def make_ask(network, staff, *, focus="Cross-phase transition", tags=("transition",), **fields):
    values = {
        "phases": ["secondary"],
        "earliest": soon(),
        "latest": soon(30),
        "days": 2,
        "why": "Our Year 6 move up in September.",
        **fields,
    }
    ask = PlacementAsk.objects.create(
        network=network, staff=staff, school=staff.school, focus=focus, **values
    )
    ask.tags.set(list(tags))
    return ask


def make_offer(network, host, *, focus="Cross-phase transition", tags=("transition",), **fields):
    values = {
        "phase": host.school.phase,
        "available_from": soon(),
        "available_until": soon(30),
        "capacity": 1,
        **fields,
    }
    offer = PlacementOffer.objects.create(
        network=network, host=host, school=host.school, focus=focus, **values
    )
    offer.tags.set(list(tags))
    return offer


def make_placement(ask, offer, *, state=PlacementState.PROPOSED, **fields):
    return Placement.objects.create(
        ask=ask,
        offer=offer,
        network=ask.network,
        visitor=ask.staff,
        host=offer.host,
        visitor_school=ask.school,
        host_school=offer.school,
        proposed_by=fields.pop("proposed_by", ask.staff),
        starts_on=fields.pop("starts_on", soon(1)),
        days=ask.days,
        state=state,
        **fields,
    )
