"""A network's moderation queue (and, beside it, the feed): the network's leads act,
members see, a school outside the network gets 404 for everything in it, and a lead
never reaches a member school's school-only work.

In these rows the matrix's moderator leads the network that `school` belongs to; the
outsider's school is not in it. That a lead at another member school never reaches a
school's school-only work is tested in tests/ideas/network/test_feed.py and
tests/hub/leaders/test_network_moderation.py (the matrix keeps the other school outside)."""

from hub.models import AuditEntry, Visibility
from hub.moderation import transition
from tests.factories import NetworkFactory
from tests.ideas.board.factories import IdeaFactory
from tests.permissions.matrix import Row, World, everyone


def led_network(world: World):
    network = NetworkFactory(name="Riverside Trust")
    network.schools.add(world.school)
    network.leads.add(world.people["moderator"])
    return network


def the_network(world: World) -> dict:
    return {"network_pk": led_network(world).pk}


def an_idea(world: World, visibility: str, action: str = "hide") -> dict:
    idea = IdeaFactory(author=world.people["staff"], visibility=visibility)
    return {
        "network_pk": led_network(world).pk,
        "kind": "ideas.idea",
        "pk": idea.pk,
        "action": action,
    }


def a_leads_last_action(world: World) -> dict:
    network = led_network(world)
    idea = IdeaFactory(author=world.people["staff"], visibility=Visibility.NETWORK)
    transition(idea, action="hide", actor=world.people["moderator"], reason="x", network=network)
    return {"network_pk": network.pk, "entry_pk": AuditEntry.objects.get(object_id=idea.pk).pk}


LEAD_ONLY = everyone(403, moderator=200, outsider=404)
REASON = {"reason": "It names a pupil"}

ROWS = [
    Row("hub:network_moderation_queue", LEAD_ONLY, kwargs=the_network),
    Row(
        "hub:network_moderate",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=lambda world: an_idea(world, Visibility.NETWORK),
        data=lambda world: REASON,
    ),
    Row(
        "hub:network_moderate",
        everyone(403, moderator=404, outsider=404),
        method="post",
        kwargs=lambda world: an_idea(world, Visibility.SCHOOL),
        data=lambda world: REASON,
        note="a member school's school-only work does not exist for the network's lead",
    ),
    Row(
        "hub:network_moderate",
        everyone(403, moderator=404, outsider=404),
        method="post",
        kwargs=lambda world: an_idea(world, Visibility.NETWORK, action="approve"),
        note="leads hide or return; approving is the school's",
    ),
    Row(
        "hub:network_undo_moderation",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=a_leads_last_action,
    ),
]


def a_network_idea(world: World) -> dict:
    network = led_network(world)
    idea = IdeaFactory(author=world.people["staff"], visibility=Visibility.NETWORK)
    return {"network_pk": network.pk, "pk": idea.pk}


NOTE = {"note": "Thank you for sharing this."}

ROWS += [
    Row("ideas:network_feed", everyone(200, outsider=404), kwargs=the_network),
    Row(
        "ideas:pick_network_idea",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=a_network_idea,
    ),
    Row(
        "ideas:celebrate_network_idea",
        everyone(403, moderator=302, outsider=404),
        method="post",
        kwargs=a_network_idea,
        data=lambda world: NOTE,
    ),
]
