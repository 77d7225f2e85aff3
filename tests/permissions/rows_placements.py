"""Work-shadowing placements: a network's staff see its asks and offers (outsiders 404);
a placement is its two people's and their heads' (the settings flag or a school admin),
and everyone else's 404."""

from hub.models import PlacementOffer, PlacementState
from tests.factories import SchoolFactory, StaffFactory
from tests.hub.placements.factories import make_ask, make_offer, make_placement, soon, trust_with
from tests.permissions.matrix import Row, World, everyone

MEMBERS = everyone(200, outsider=404)


def _trust(world: World):
    return trust_with(world.school, SchoolFactory(name="Riverside Academy", phase="secondary"))


def _partner_host(network):
    return StaffFactory(school=network.schools.exclude(name__startswith="Oak").first())


def network(world: World) -> dict:
    return {"network_pk": _trust(world).pk}


def partners_ask(world: World) -> dict:
    trust = _trust(world)
    return {"network_pk": trust.pk, "pk": make_ask(trust, _partner_host(trust)).pk}


def staffs_ask(world: World) -> dict:
    trust = _trust(world)
    return {"network_pk": trust.pk, "pk": make_ask(trust, world.people["staff"]).pk}


def partners_offer(world: World) -> dict:
    trust = _trust(world)
    return {"network_pk": trust.pk, "pk": make_offer(trust, _partner_host(trust)).pk}


def staff_and_partner(world: World) -> dict:
    trust = _trust(world)
    ask = make_ask(trust, world.people["staff"])
    offer = make_offer(trust, _partner_host(trust))
    return {"network_pk": trust.pk, "ask_pk": ask.pk, "offer_pk": offer.pk}


def proposal_data(world: World) -> dict:
    return {f"offer-{PlacementOffer.objects.get().pk}-starts_on": soon(2).isoformat()}


def placement(state, proposed_by_host=False):
    def build(world: World) -> dict:
        trust = _trust(world)
        ask = make_ask(trust, world.people["staff"])
        offer = make_offer(trust, _partner_host(trust))
        by = offer.host if proposed_by_host else ask.staff
        return {"pk": make_placement(ask, offer, state=state, proposed_by=by).pk}

    return build


ASK_DATA = {
    "focus": "SEND provision",
    "phases": ["primary"],
    "earliest": soon().isoformat(),
    "latest": soon(20).isoformat(),
    "days": "1",
    "why": "To see a resource base at work.",
}
OFFER_DATA = {
    "focus": "SEND provision",
    "phase": "primary",
    "available_from": soon().isoformat(),
    "available_until": soon(20).isoformat(),
    "capacity": "1",
}
# A placement: the visitor (staff) and the school's admin (who approves for the school)
# see it; a deputy who moderates but runs no settings gets 404, like an outsider.
PLACEMENT_PEOPLE = everyone(404, staff=200, admin=200)

ROWS = [
    Row("hub:placements_home", everyone(200)),
    Row("hub:network_placements", MEMBERS, kwargs=network),
    Row("hub:ask_for_placement", MEMBERS, kwargs=network),
    Row(
        "hub:ask_for_placement",
        everyone(302, outsider=404),
        method="post",
        kwargs=network,
        data=lambda world: ASK_DATA,
    ),
    Row("hub:offer_to_host", MEMBERS, kwargs=network),
    Row(
        "hub:offer_to_host",
        everyone(302, outsider=404),
        method="post",
        kwargs=network,
        data=lambda world: OFFER_DATA,
    ),
    Row("hub:placement_ask", MEMBERS, kwargs=partners_ask),
    Row("hub:placement_offer", MEMBERS, kwargs=partners_offer),
    Row(
        "hub:close_placement_ask",
        everyone(403, staff=302, outsider=404),
        method="post",
        kwargs=staffs_ask,
        note="only the asker closes an ask",
    ),
    Row(
        "hub:close_placement_offer",
        everyone(403, outsider=404),
        method="post",
        kwargs=partners_offer,
        note="only the host closes an offer",
    ),
    Row(
        "hub:propose_placement",
        everyone(403, staff=302, outsider=404),
        method="post",
        kwargs=staff_and_partner,
        data=proposal_data,
    ),
    Row("hub:placement", PLACEMENT_PEOPLE, kwargs=placement(PlacementState.PROPOSED)),
    Row(
        "hub:respond_to_placement",
        everyone(404, staff=302, admin=403),
        method="post",
        kwargs=placement(PlacementState.PROPOSED, proposed_by_host=True),
        data=lambda world: {"decision": "agree"},
        note="the head sees it but only the two colleagues answer",
    ),
    Row(
        "hub:approve_placement",
        everyone(404, staff=403, admin=302),
        method="post",
        kwargs=placement(PlacementState.AGREED),
        data=lambda world: {"decision": "approve"},
    ),
    Row(
        "hub:withdraw_placement",
        everyone(404, staff=200, admin=403),
        kwargs=placement(PlacementState.AGREED),
    ),
    Row(
        "hub:withdraw_placement",
        everyone(404, staff=302, admin=403),
        method="post",
        kwargs=placement(PlacementState.AGREED),
    ),
]
