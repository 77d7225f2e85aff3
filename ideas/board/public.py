"""What the board offers the other features of `ideas`: they import this module, never
the board's models, services or views (tests/test_architecture.py)."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hub.access import get_editable_or_404
from hub.content import school_changed
from hub.lib.text import clean_plain_text
from hub.lib.weeks import Week
from hub.models import Status, Visibility
from ideas.board.models import NOTE_MAX, TITLE_MAX, Idea, PostItColour, ReactionKind
from ideas.board.services import reaction_add


def draft_from_idea(person, pk) -> dict:
    """Title, note and tags of one of this person's own post-its, to start a scrapbook
    article from; another person's idea is a 403, another school's a 404."""
    idea = get_editable_or_404(Idea.objects.prefetch_related("tags"), person, pk=pk)
    return {
        "title": idea.title,
        "what_i_did": idea.note,
        "tags": ", ".join(tag.name for tag in idea.tags.all()),
    }


def post_to_network(*, author, title: str, note: str) -> int:
    """A post-it from an idea shared beyond the board (a twilight's presenter): on the
    author's board this week, opened to their networks, credited to them. Moderated as
    any post-it at their school (pre-moderation: waits for approval). Returns its id."""
    now = timezone.now()
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
