"""What the board adds to hub's weekly digest and staff profiles."""

from datetime import datetime

from hub.models import Status
from ideas.models import Idea, Reaction, ReactionKind
from ideas.selectors.board import idea_of_the_week

PROFILE_TRIED = 10


def board_this_week(school, week_start: datetime, week_end: datetime) -> dict | None:
    """The week's Idea of the Week and how many post-its went up (two queries)."""
    monday = week_start.astimezone(school.zone).date()
    pick = idea_of_the_week(school.pk, monday)
    if pick is not None and pick.idea.status != Status.PUBLISHED:
        pick = None
    count = Idea.objects.filter(school=school, week=monday, status=Status.PUBLISHED).count()
    if pick is None and not count:
        return None
    return {"pick": pick, "idea_count": count}


def ideas_tried(member, viewer) -> dict | None:
    """Ideas this person tried, with what happened, as far as the viewer may see (one query)."""
    tried = list(
        Reaction.objects.visible_to(viewer)
        .filter(author=member, kind=ReactionKind.TRIED, idea__status=Status.PUBLISHED)
        .select_related("idea")
        .order_by("-created_at")[:PROFILE_TRIED]
    )
    return {"tried": tried} if tried else None
