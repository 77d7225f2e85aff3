"""What the board offers the other features of `ideas`: they import this module, never
the board's models, services or views (tests/test_architecture.py)."""

from django.db import transaction
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from hub.access import get_editable_or_404, get_visible_or_404
from hub.content import school_changed
from hub.lib.text import clean_plain_text
from hub.lib.weeks import Week
from hub.models import RoleGroup, Status, Visibility
from ideas.board.models import NOTE_MAX, TITLE_MAX, Idea, PostItColour, ReactionKind
from ideas.board.selectors import asked_about_class, my_reactions, with_board_details
from ideas.board.services import reaction_add
from ideas.board.views.common import as_cards


def draft_from_idea(person, pk) -> dict:
    """Title, note and tags of one of this person's own post-its, to start a scrapbook
    article from; another person's idea is a 403, another school's a 404."""
    idea = get_editable_or_404(Idea.objects.prefetch_related("tags"), person, pk=pk)
    return {
        "title": idea.title,
        "what_i_did": idea.note,
        "tags": ", ".join(tag.name for tag in idea.tags.all()),
    }


def post_to_network(*, author, title: str, note: str, on=None) -> int:
    """A post-it from an idea shared beyond the board (a twilight's presenter): on the
    author's board in the week of `on` (this week if not given), opened to their
    networks, credited to them. Moderated as any post-it at their school
    (pre-moderation: waits for approval). Returns its id."""
    now = on or timezone.now()
    with transaction.atomic():
        idea = Idea(
            author=author,
            school=author.school,
            title=clean_plain_text(title)[:TITLE_MAX],
            note=clean_plain_text(note)[:NOTE_MAX] or clean_plain_text(title)[:NOTE_MAX],
            colour=PostItColour.BLUE,
            week=Week.of_moment(now, author.school.zone).monday,
            status=Idea.initial_status(author.school),
            visibility=Visibility.NETWORK,
        )
        idea.full_clean()
        idea.save()
        school_changed(idea.school_id)
    return idea.pk


def will_try(*, idea_id: int, person) -> bool:
    """ "I'll try this" from `person` on a post-it they may see (the author hears, as on
    the board); False, and nothing recorded, when they may not see it."""
    idea = Idea.objects.visible_to(person).filter(pk=idea_id, status=Status.PUBLISHED).first()
    if idea is None:
        return False
    reaction_add(idea=idea, author=person, kind=ReactionKind.WILL_TRY)
    return True


def idea_url(idea_id: int) -> str:
    return reverse("ideas:idea_detail", args=[idea_id])


def shared_post_its(viewer, *, school_ids) -> QuerySet:
    """Shared post-its from the schools `school_ids` (a queryset of school pks) that were
    opened beyond their school and that `viewer` may see (the one scoping rule), newest
    first, with what a card shows (authors, schools, tags)."""
    ideas = (
        Idea.objects.visible_to(viewer)
        .published()
        .filter(school_id__in=school_ids)
        .exclude(visibility=Visibility.SCHOOL)
    )
    return with_board_details(ideas, viewer).select_related("school").order_by("-created_at", "-pk")


def filter_post_its(
    ideas: QuerySet, *, school_id=None, phase: str = "", group: str = "", tag: str = ""
) -> QuerySet:
    """Narrow post-its by school, the school's phase, the author's role group or a tag slug."""
    if school_id:
        ideas = ideas.filter(school_id=school_id)
    if phase:
        ideas = ideas.filter(school__phase=phase)
    if group in RoleGroup.values:
        ideas = ideas.filter(author__role__in=RoleGroup.roles_in(group))
    if tag:
        ideas = ideas.filter(tags__slug=tag)
    return ideas


def tags_used_on(ideas: QuerySet, *, limit: int = 30) -> list:
    """The most used tags on these post-its (one query)."""
    return list(
        Tag.objects.filter(ideas_taggedidea_items__content_object__in=ideas.values("pk"))
        .annotate(uses=Count("ideas_taggedidea_items"))
        .order_by("-uses", "name")[:limit]
    )


def as_post_it_cards(ideas, viewer) -> list[Idea]:
    """Post-its ready for the board's card template (ideas/board/_idea_card.html): their
    counts, the viewer's reactions and links, in two queries for the whole list."""
    return as_cards(ideas, viewer)


def shared_post_it_or_404(viewer, pk) -> Idea:
    """One shared post-it the viewer may see (another school's only if opened to them)."""
    return get_visible_or_404(
        Idea.objects.published().select_related("author", "school"), viewer, pk=pk
    )


def personal_card_keys(viewer, idea_ids: list[int]) -> set[str]:
    """The `{% mine %}` keys that fill the viewer's own reactions into cards rendered as
    a shared fragment (one query)."""
    return my_reactions(viewer, idea_ids) | asked_about_class(viewer)
