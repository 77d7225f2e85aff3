"""Reads for the board: every list here costs a fixed number of queries, whatever its size."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import (
    Count,
    Q,
    QuerySet,
)
from django.utils import timezone
from taggit.models import Tag

from hub.lib.weeks import Week
from hub.models import RoleGroup, Status
from hub.registry import LearningEntry
from ideas.board.models import Comment, Idea, IdeaOfTheWeek, Reaction, ReactionKind, TaggedIdea

SUGGESTION_LIMIT = 8


def current_week(school) -> Week:
    """This week in the school's time zone (the site's for a superuser with no school)."""
    zone = school.zone if school is not None else timezone.get_default_timezone()
    return Week.of_moment(timezone.now(), zone)


def with_board_details(ideas: QuerySet, staff) -> QuerySet:
    """Ideas with their authors and tags (one query plus one for the tags). What a
    post-it also shows, its counts and the viewer's own reactions, add_reactions() adds
    to the fetched ideas: two narrow queries for the whole list. (Seven correlated
    subqueries per idea did it before; building and compiling them cost the board more
    Python time than anything else on the page.)"""
    return ideas.select_related("author").prefetch_related("tags")


def add_reactions(ideas: list[Idea], staff) -> list[Idea]:
    """Set on each idea: will_try_count, tried_count and comment_count (shared ones),
    i_will_try and i_tried (the viewer's own, in any state), and the newest shared
    reflection with who wrote it. Two queries, whatever the number of ideas."""
    by_id = {idea.pk: idea for idea in ideas}
    for idea in ideas:
        idea.will_try_count = idea.tried_count = idea.comment_count = 0
        idea.i_will_try = idea.i_tried = False
        idea.newest_reflection = idea.newest_reflection_by = None
    if not by_id:
        return ideas
    reactions = (
        Reaction.objects.filter(idea_id__in=by_id)
        .filter(Q(status=Status.PUBLISHED) | Q(author_id=staff.pk))
        .order_by("-created_at", "-pk")
        .values_list(
            "idea_id",
            "kind",
            "status",
            "author_id",
            "reflection",
            "author__display_name",
            "author__full_name",
        )
    )
    for idea_id, kind, status, author_id, reflection, display_name, full_name in reactions:
        idea = by_id[idea_id]
        if author_id == staff.pk:
            if kind == ReactionKind.WILL_TRY:
                idea.i_will_try = True
            else:
                idea.i_tried = True
        if status != Status.PUBLISHED:
            continue
        if kind == ReactionKind.WILL_TRY:
            idea.will_try_count += 1
        else:
            idea.tried_count += 1
            if idea.newest_reflection is None:  # newest first
                idea.newest_reflection = reflection
                idea.newest_reflection_by = display_name or full_name
    comments = (
        Comment.objects.filter(idea_id__in=by_id, status=Status.PUBLISHED)
        .order_by()
        .values("idea_id")
        .annotate(n=Count("pk"))
        .values_list("idea_id", "n")
    )
    for idea_id, count in comments:
        by_id[idea_id].comment_count = count
    return ideas


def school_ideas(staff) -> QuerySet:
    """The staff member's own school's ideas that belong on the board for them:
    shared ones, and their own in any state (so they see "waiting for approval")."""
    return Idea.objects.visible_to(staff).filter(
        Q(status=Status.PUBLISHED) | Q(author_id=staff.pk), school_id=staff.school_id
    )


def _on_board(
    ideas: QuerySet, *, week: Week | None, tag: str = "", group: str = "", query: str = ""
) -> QuerySet:
    if week is not None:
        ideas = ideas.filter(week=week.monday)
    if tag:
        ideas = ideas.filter(tags__slug=tag)
    if group in RoleGroup.values:
        ideas = ideas.filter(author__role__in=RoleGroup.roles_in(group))
    if query:
        matching_tags = TaggedIdea.objects.filter(tag__name__icontains=query).values(
            "content_object_id"
        )
        ideas = ideas.filter(
            Q(title__icontains=query) | Q(note__icontains=query) | Q(pk__in=matching_tags)
        )
    return ideas


def board_ideas(
    staff,
    *,
    week: Week | None,
    tag: str = "",
    group: str = "",
    query: str = "",
) -> QuerySet:
    """This board's ideas, newest first; `week=None` searches every week."""
    ideas = _on_board(school_ideas(staff), week=week, tag=tag, group=group, query=query)
    return with_board_details(ideas, staff).order_by("-created_at", "-pk")


def board_matches(
    staff, *, week: Week | None, tag: str = "", group: str = "", query: str = ""
) -> QuerySet:
    """Which ideas board_ideas() shows, without their details: cheap to count (the
    paginator's count of board_ideas() itself built and compiled every detail first)."""
    return _on_board(school_ideas(staff), week=week, tag=tag, group=group, query=query)


def own_unshared_ideas(staff, **shown) -> QuerySet:
    """The person's own post-its on this board that colleagues do not see (waiting,
    returned, hidden): while there are any, their wall is not the school's."""
    own = Idea.objects.filter(school_id=staff.school_id, author_id=staff.pk).exclude(
        status=Status.PUBLISHED
    )
    return _on_board(own, **shown)


def my_reactions(staff, idea_ids: list[int]) -> set[str]:
    """The `{% mine %}` keys of this person's reactions to these ideas ("will_try:12"):
    one small query."""
    if not idea_ids:
        return set()
    rows = Reaction.objects.filter(author_id=staff.pk, idea_id__in=idea_ids)
    return {f"{kind}:{idea_id}" for idea_id, kind in rows.values_list("idea_id", "kind")}


def asked_about_class(staff) -> set[str]:
    """The `{% mine %}` key that makes "I tried it" ask about class (teachers and TAs;
    hub Staff.tried_it_question): the wall is one fragment for every job."""
    return {"asked-about-class:0"} if staff.asked_about_class else set()


def idea_of_the_week(school_id: int, monday: date) -> IdeaOfTheWeek | None:
    return (
        IdeaOfTheWeek.objects.filter(school_id=school_id, week=monday)
        .select_related("idea", "idea__author", "picked_by")
        .first()
    )


def tags_in_use(staff, *, week: Week | None = None, limit: int = 30) -> QuerySet:
    """The school's most used tags on shared ideas (of one week, if given)."""
    ideas = Idea.objects.filter(school_id=staff.school_id, status=Status.PUBLISHED)
    if week is not None:
        ideas = ideas.filter(week=week.monday)
    return (
        Tag.objects.filter(ideas_taggedidea_items__content_object__in=ideas.values("pk"))
        .annotate(uses=Count("ideas_taggedidea_items"))
        .order_by("-uses", "name")[:limit]
    )


def tag_suggestions(staff, typed: str) -> list[str]:
    """Tags already used at this school that start with (or contain) what was typed."""
    typed = typed.strip()
    if not typed:
        return [tag.name for tag in tags_in_use(staff, limit=SUGGESTION_LIMIT)]
    names = list(
        Tag.objects.filter(
            ideas_taggedidea_items__content_object__school_id=staff.school_id,
            name__icontains=typed,
        )
        .values_list("name", flat=True)
        .distinct()
        .order_by("name")[:50]
    )
    names.sort(key=lambda name: (not name.lower().startswith(typed.lower()), name.lower()))
    return names[:SUGGESTION_LIMIT]


def archive_weeks(staff) -> QuerySet:
    """Past and present weeks of the board with how many ideas each has."""
    return (
        Idea.objects.filter(school_id=staff.school_id, status=Status.PUBLISHED)
        .order_by()
        .values("week")
        .annotate(ideas=Count("pk"))
        .order_by("-week")
    )


def picks_for_weeks(school_id: int, mondays: list[date]) -> dict[date, IdeaOfTheWeek]:
    picks = IdeaOfTheWeek.objects.filter(school_id=school_id, week__in=mondays).select_related(
        "idea", "idea__author"
    )
    return {pick.week: pick for pick in picks}


def idea_reactions(idea: Idea, staff) -> QuerySet:
    """Who reacted, for the detail page: shared reactions and the viewer's own."""
    return (
        Reaction.objects.visible_to(staff)
        .filter(idea=idea)
        .filter(Q(status=Status.PUBLISHED) | Q(author_id=staff.pk))
        .select_related("author")
    )


def tried_count(idea: Idea) -> int:
    """How many colleagues shared how it went when they tried it (one query)."""
    return Reaction.objects.filter(
        idea=idea, kind=ReactionKind.TRIED, status=Status.PUBLISHED
    ).count()


def idea_comments(idea: Idea, staff) -> QuerySet:
    return (
        Comment.objects.visible_to(staff)
        .filter(idea=idea)
        .filter(Q(status=Status.PUBLISHED) | Q(author_id=staff.pk))
        .select_related("author")
    )


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


@dataclass(frozen=True)
class PickHonour:
    """An Idea of the Week, shaped like a celebrated contribution for a profile's list."""

    idea: Idea
    celebrated_at: datetime
    celebration_note: str

    def moderation_title(self) -> str:
        return self.idea.title

    def get_absolute_url(self) -> str:
        return self.idea.get_absolute_url()


def ideas_of_the_week_of(member, viewer) -> list[tuple[str, PickHonour]]:
    """`member`'s ideas that were Idea of the Week and `viewer` may see (one query)."""
    visible = Idea.objects.visible_to(viewer).published().filter(author_id=member.pk)
    picks = (
        IdeaOfTheWeek.objects.filter(idea__in=visible).select_related("idea").order_by("-week")[:10]
    )
    return [
        ("Idea of the Week", PickHonour(pick.idea, pick.picked_at, pick.reason)) for pick in picks
    ]


# Post-its beside the Idea of the Week, and without one: what fits a 1080p screen.
DISPLAY_NEWEST = (3, 6)


def board_for_display(viewer, now: datetime) -> dict:
    """The staffroom screen's board: this week's Idea of the Week and newest post-its,
    as any colleague sees them (3 queries)."""
    week = Week.of_moment(now, viewer.school.zone)
    shared = Idea.objects.visible_to(viewer).filter(
        school_id=viewer.school_id, week=week.monday, status=Status.PUBLISHED
    )
    pick = idea_of_the_week(viewer.school_id, week.monday)
    if pick is not None and pick.idea.status != Status.PUBLISHED:
        pick = None  # hidden since it was picked
    newest = shared.select_related("author").order_by("-created_at", "-pk")
    if pick is not None:
        newest = newest.exclude(pk=pick.idea_id)
    limit = DISPLAY_NEWEST[0] if pick is not None else DISPLAY_NEWEST[1]
    return {"pick": pick, "count": shared.count(), "newest": list(newest[:limit])}


def learning_entries(person, start: datetime, end: datetime) -> list[LearningEntry]:
    """My learning: the ideas this person posted and tried (four queries)."""
    live = ~Q(status__in=(Status.DRAFT, Status.HIDDEN))
    posted = Idea.objects.filter(
        live, author_id=person.pk, created_at__gte=start, created_at__lt=end
    )
    tried = (
        Reaction.objects.filter(
            live, author_id=person.pk, kind=ReactionKind.TRIED, created_at__gte=start
        )
        .filter(created_at__lt=end)
        .select_related("idea")
        .prefetch_related("idea__tags")
    )
    entries = [
        LearningEntry(
            when=idea.created_at,
            kind="idea",
            verb="Shared on the board",
            title=idea.title,
            url=idea.get_absolute_url(),
            tags=tuple(tag.name for tag in idea.tags.all()),
        )
        for idea in posted.prefetch_related("tags")
    ]
    entries += [
        LearningEntry(
            when=reaction.created_at,
            kind="tried",
            verb="Tried",
            title=reaction.idea.title,
            url=reaction.get_absolute_url(),
            reflection=reaction.reflection,
            tags=tuple(tag.name for tag in reaction.idea.tags.all()),
        )
        for reaction in tried
    ]
    return entries
