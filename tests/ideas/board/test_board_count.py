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
