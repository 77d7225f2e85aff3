"""Networks and the directory of schools. The world's school is in a trust run by a
lead at a third school, or (`led_by_moderator`) by the school's moderator; the
outsider's school is in neither, and gets 404 on everything in them."""

from hub.models import JoinDirection, JoinRequest, Role
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.permissions.matrix import Row, World, everyone


def _trust(world: World):
    third = SchoolFactory(name="Riverside Academy")
    lead = StaffFactory(school=third, role=Role.SENIOR_LEADER)
    network = NetworkFactory(name="Northshire Learning Trust")
    network.schools.add(world.school, third)
    network.leads.add(lead)
    return network, lead


def schools_network(world: World) -> dict:
    return {"pk": _trust(world)[0].pk}


def led_by_moderator(world: World) -> dict:
    network, _ = _trust(world)
    network.leads.add(world.people["moderator"])
    return {"pk": network.pk}


def another_lead_of_moderators_network(world: World) -> dict:
    network, lead = _trust(world)
    network.leads.add(world.people["moderator"])
    return {"pk": network.pk, "staff_pk": lead.pk}


def network_to_ask(world: World) -> dict:
    network = NetworkFactory(name="Hillside Cluster")
    network.schools.add(SchoolFactory())
    return {"pk": network.pk}


def schools_ask(world: World) -> dict:
    network = NetworkFactory(name="Hillside Cluster")
    lead = StaffFactory()
    network.leads.add(lead)
    join_request = JoinRequest.objects.create(
        network=network,
        school=world.school,
        direction=JoinDirection.ASKED,
        made_by=world.people["admin"],
    )
    return {"pk": join_request.pk}


def invitation_to_school(world: World) -> dict:
    network = NetworkFactory(name="Hillside Cluster")
    lead = StaffFactory()
    network.leads.add(lead)
    join_request = JoinRequest.objects.create(
        network=network, school=world.school, direction=JoinDirection.INVITED, made_by=lead
    )
    return {"pk": join_request.pk}


def school_to_invite(world: World) -> dict:
    return {"school": SchoolFactory(name="Brookside Nursery").pk}


SCHOOL_DECIDERS = everyone(403, admin=200, outsider=404)
MODERATOR_LEADS = everyone(403, moderator=200, outsider=404)

ROWS = [
    Row("hub:networks", everyone(200), note="always the requester's own school's networks"),
    Row("hub:find_networks", everyone(403, admin=200)),
    Row(
        "hub:ask_to_join",
        everyone(403, admin=302),
        method="post",
        kwargs=network_to_ask,
        data=lambda world: {"message": "We would love to join."},
        note="any network may be asked: the list to ask from names them all",
    ),
    Row("hub:network", everyone(200, outsider=404), kwargs=schools_network),
    Row("hub:leave_network", SCHOOL_DECIDERS, kwargs=schools_network),
    Row(
        "hub:leave_network",
        everyone(403, admin=302, outsider=404),
        method="post",
        kwargs=schools_network,
    ),
    Row("hub:network_leads", MODERATOR_LEADS, kwargs=led_by_moderator),
    Row(
        "hub:network_leads",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=led_by_moderator,
        data=lambda world: {"email": world.people["staff"].email},
    ),
    Row(
        "hub:remove_network_lead",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=another_lead_of_moderators_network,
    ),
    Row(
        "hub:invite_school",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=led_by_moderator,
        data=school_to_invite,
    ),
    Row("hub:find_schools", MODERATOR_LEADS, kwargs=led_by_moderator),
    Row(
        "hub:join_request",
        SCHOOL_DECIDERS,
        kwargs=schools_ask,
        note="the school's other staff: 403; anyone beyond school and network: 404",
    ),
    Row(
        "hub:join_request",
        everyone(403, admin=302, outsider=404),
        method="post",
        kwargs=invitation_to_school,
        data=lambda world: {"decision": "accept", "note": "Delighted."},
    ),
    Row("hub:schools_like_ours", everyone(403, moderator=200, admin=200)),
]
