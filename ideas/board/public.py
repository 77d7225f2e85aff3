"""What the board offers the other features of `ideas`: they import this module, never
the board's models, services or views (tests/test_architecture.py)."""

from hub.access import get_editable_or_404
from ideas.board.models import Idea


def draft_from_idea(person, pk) -> dict:
    """Title, note and tags of one of this person's own post-its, to start a scrapbook
    article from; another person's idea is a 403, another school's a 404."""
    idea = get_editable_or_404(Idea.objects.prefetch_related("tags"), person, pk=pk)
    return {
        "title": idea.title,
        "what_i_did": idea.note,
        "tags": ", ".join(tag.name for tag in idea.tags.all()),
    }
