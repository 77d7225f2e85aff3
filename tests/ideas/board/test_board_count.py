"""The board's "N post-its" is counted without building each post-it's details."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.ideas.board.factories import IdeaFactory, ReactionFactory


def test_the_board_counts_its_post_its_without_their_details(client_for, staff, school):
    ideas = IdeaFactory.create_batch(3, school=school, tags=["maths"])
    ReactionFactory(idea=ideas[0])
    IdeaFactory(school=school, tags=["oracy"])
    with CaptureQueriesContext(connection) as queries:
        response = client_for(staff).get(reverse("ideas:board"), {"tag": "maths"})
    assert "3 post-its match your filter" in " ".join(response.content.decode().split())
    counts = [
        q["sql"]
        for q in queries
        if q["sql"].startswith('SELECT COUNT(*) AS "__count" FROM "ideas_idea"')
    ]
    assert len(counts) == 1
    assert "ideas_reaction" not in counts[0] and "ideas_comment" not in counts[0]


def test_each_post_it_has_its_own_counts_reactions_and_newest_reflection(staff, moderator, school):
    from hub.models import Status
    from ideas.board import selectors
    from ideas.board.models import Comment, Idea
    from tests.ideas.board.factories import CommentFactory

    IdeaFactory(school=school)  # a quiet one, first
    busy = IdeaFactory(school=school)
    ReactionFactory(idea=busy, author=staff, kind="will_try", status=Status.HIDDEN)
    ReactionFactory(idea=busy, author=moderator, kind="will_try")
    older = ReactionFactory(idea=busy, kind="tried", reflection="Older")
    newer = ReactionFactory(idea=busy, kind="tried", reflection="Newer")
    type(newer).objects.filter(pk=older.pk).update(created_at=newer.created_at.replace(year=2020))
    ReactionFactory(idea=busy, kind="tried", reflection="Hidden", status=Status.HIDDEN)
    CommentFactory(idea=busy)
    CommentFactory(idea=busy, status=Status.HIDDEN)
    assert Comment.objects.filter(idea=busy).count() == 2

    ideas = list(selectors.with_board_details(Idea.objects.order_by("pk"), staff))
    quiet_card, busy_card = selectors.add_reactions(ideas, staff)

    assert (quiet_card.will_try_count, quiet_card.tried_count, quiet_card.comment_count) == (
        0,
        0,
        0,
    )
    assert not quiet_card.i_will_try and quiet_card.newest_reflection is None
    # The viewer's own hidden reaction counts as theirs, not in the shared count.
    assert busy_card.i_will_try and not busy_card.i_tried
    assert (busy_card.will_try_count, busy_card.tried_count, busy_card.comment_count) == (1, 2, 1)
    assert busy_card.newest_reflection == "Newer"
    assert busy_card.newest_reflection_by == newer.author.name
