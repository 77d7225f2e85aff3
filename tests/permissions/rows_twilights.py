"""Twilights across schools: everyone at a member school sees them (another school's twilight
too); a school outside the network gets 404 on everything in it; the host school's
moderators and admins (and the network's leads) run the night: 403 for other members."""

import datetime as dt

from events.twilights.models import TwilightKind
from hub.models import Network
from tests.events.twilights.factories import (
    PresenterFactory,
    SignUpFactory,
    TwilightFactory,
    in_days,
    network_of,
)
from tests.factories import SchoolFactory
from tests.permissions.matrix import Row, World, everyone


def the_network(world: World) -> Network:
    """World.school and a partner school; world.other_school (the outsider's) is not in it."""
    network = Network.objects.filter(schools=world.school).first()
    return network or network_of(world.school, SchoolFactory(name="Riverside Academy"))


def a_partners_twilight(world: World) -> dict:
    network = the_network(world)
    partner = network.schools.exclude(pk=world.school.pk).get()
    return {"pk": TwilightFactory(network=network, host_school=partner).pk}


def our_twilight(world: World) -> dict:
    twilight = TwilightFactory(network=the_network(world), host_school=world.school)
    PresenterFactory.create_batch(2, twilight=twilight)
    return {"pk": twilight.pk}


def our_speed_learning(world: World) -> dict:
    twilight = TwilightFactory(
        network=the_network(world), host_school=world.school, kind=TwilightKind.SPEED_LEARNING
    )
    PresenterFactory.create_batch(2, twilight=twilight)
    SignUpFactory.create_batch(3, twilight=twilight)
    return {"pk": twilight.pk}


def a_twilight_the_staff_member_took_part_in(world: World) -> dict:
    twilight = TwilightFactory(
        network=the_network(world), host_school=world.school, starts_at=in_days(-2)
    )
    PresenterFactory(twilight=twilight)
    SignUpFactory(twilight=twilight, staff=world.people["staff"])
    twilight.followed_up_at = twilight.ends_at
    twilight.save()
    return {"pk": twilight.pk}


def twilight_details(world: World) -> dict:
    return {
        "network": the_network(world).pk,
        "host_school": world.school.pk,
        "kind": TwilightKind.TEACHMEET,
        "title": "TeachMeet",
        "date": (dt.date.today() + dt.timedelta(days=14)).isoformat(),
        "start_time": "16:00",
        "end_time": "17:30",
        "place": "Library",
        "capacity": "30",
        "presenter_cap": "6",
    }


def in_a_network(world: World) -> dict:
    the_network(world)
    return {}


def the_idea_they_chose(world: World) -> dict:
    twilight = world.school.hosted_twilights.get()
    return {"idea": twilight.sign_ups.get(role="presenter").pk}


ORGANISERS = everyone(403, moderator=200, admin=200)

ROWS = [
    Row("events:twilights", everyone(200), kwargs=in_a_network),
    Row("events:schedule_twilight", ORGANISERS, kwargs=in_a_network),
    Row(
        "events:schedule_twilight",
        everyone(403, moderator=302, admin=302),
        method="post",
        kwargs=in_a_network,
        data=twilight_details,
    ),
    Row("events:twilight_detail", everyone(200, outsider=404), kwargs=a_partners_twilight),
    Row("events:twilight_ics", everyone(200, outsider=404), kwargs=a_partners_twilight),
    Row("events:twilight_sign_up", everyone(405, anonymous=405), kwargs=a_partners_twilight),
    Row(
        "events:twilight_sign_up",
        everyone(302, outsider=404),
        method="post",
        kwargs=a_partners_twilight,
        data=lambda world: {"role": "participant"},
    ),
    Row(
        "events:twilight_cancel",
        everyone(302, outsider=404),
        method="post",
        kwargs=a_partners_twilight,
    ),
    Row(
        "events:twilight_follow_up",
        everyone(200, outsider=404),
        kwargs=a_twilight_the_staff_member_took_part_in,
        note="those who did not take part are told the question is not theirs",
    ),
    Row(
        "events:twilight_follow_up",
        everyone(200, staff=302, outsider=404),
        method="post",
        kwargs=a_twilight_the_staff_member_took_part_in,
        data=the_idea_they_chose,
    ),
    Row(
        "events:twilight_draw",
        everyone(403, moderator=302, admin=302, outsider=404),
        method="post",
        kwargs=our_twilight,
    ),
    Row(
        "events:twilight_draw",
        everyone(403, outsider=404),
        method="post",
        kwargs=a_partners_twilight,
        note="another member school's twilight is theirs to run",
    ),
    Row(
        "events:twilight_screen",
        everyone(403, moderator=200, admin=200, outsider=404),
        kwargs=our_twilight,
    ),
    Row("events:twilight_table_plan", everyone(200, outsider=404), kwargs=our_speed_learning),
    Row(
        "events:make_table_plan",
        everyone(403, moderator=302, admin=302, outsider=404),
        method="post",
        kwargs=our_speed_learning,
        data=lambda world: {"rounds": "2"},
    ),
]
