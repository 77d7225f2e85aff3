"""Reads for the network feed: a fixed number of queries, however many schools and post-its."""

from datetime import datetime

from django.db.models import QuerySet

from hub.display.selectors import EveryStaffMember
from hub.lib.weeks import Week
from hub.models import Network, School
from ideas.board import public as board
from ideas.network.models import NetworkCelebration, NetworkPick

WALL_SIZE = 6


def member_schools(network: Network) -> list[School]:
    """The network's schools, by name (one query)."""
    return list(network.schools.order_by("name").only("pk", "name", "phase", "content_version"))


def feed_post_its(viewer, network: Network, **filters) -> QuerySet:
    """Post-its member schools opened to the network that the viewer may see (the one
    scoping rule), newest first, narrowed by school, phase, role group and tag."""
    shared = board.shared_post_its(viewer, school_ids=network.schools.values("pk"))
    return board.filter_post_its(shared, **filters)


def this_weeks_pick(viewer, network: Network, week: Week) -> NetworkPick | None:
    """The network's Idea of the Week, if the viewer may still see its post-it (one query)."""
    visible = board.shared_post_its(viewer, school_ids=network.schools.values("pk"))
    return (
        NetworkPick.objects.filter(network=network, week=week.monday, idea__in=visible.values("pk"))
        .select_related("idea__author", "idea__school")
        .first()
    )


def celebration_wall(viewer, network: Network, *, since: datetime | None = None) -> list:
    """The network's newest celebrations of post-its the viewer may see (one query)."""
    visible = board.shared_post_its(viewer, school_ids=network.schools.values("pk"))
    celebrations = NetworkCelebration.objects.filter(network=network, idea__in=visible.values("pk"))
    if since is not None:
        celebrations = celebrations.filter(celebrated_at__gte=since)
    return list(
        celebrations.select_related("idea__author", "idea__school", "celebrated_by")[:WALL_SIZE]
    )


# A school in more networks than this hears of the first few, by name, in its digest.
DIGEST_NETWORKS = 3
DIGEST_NEWEST = 3


def network_digest(school, week_start: datetime, week_end: datetime) -> dict | None:
    """The weekly digest's network section: for each of the school's networks, its Idea of
    the Week, what other schools shared to it this week and what its leads celebrated. Seen
    as any member of staff at the school sees it (the one scoping rule, through
    hub.display's stand-in). Four queries a network, at most DIGEST_NETWORKS of them."""
    viewer = EveryStaffMember(school)
    week = Week.of_moment(week_start, week_start.tzinfo)
    highlights = []
    for network in Network.objects.filter(schools=school.pk).order_by("name")[:DIGEST_NETWORKS]:
        shared = (
            feed_post_its(viewer, network)
            .filter(created_at__gte=week_start, created_at__lt=week_end)
            .exclude(school_id=school.pk)
        )
        entry = {
            "network": network,
            "pick": this_weeks_pick(viewer, network, week),
            "count": shared.count(),
            "newest": list(shared[:DIGEST_NEWEST]),
            "celebrations": celebration_wall(viewer, network, since=week_start),
        }
        if entry["pick"] or entry["count"] or entry["celebrations"]:
            highlights.append(entry)
    return {"networks": highlights} if highlights else None
