"""The board from the page cache: a colleague's change shows at once, to each their own."""

import pytest
from django.test import Client
from django.urls import reverse

from hub.ops.page_cache import CACHE_HEADER
from tests.ideas.board.factories import IdeaFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("within_one_minute")]
BOARD = reverse("ideas:board")


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_a_colleagues_new_idea_shows_on_a_board_already_cached(staff, moderator):
    viewer, colleague = signed_in(staff), signed_in(moderator)
    assert [viewer.get(BOARD)[CACHE_HEADER] for _ in range(2)] == ["miss", "hit"]
    data = {"title": "Exit tickets", "note": "Three questions.", "tags": "", "colour": "blue"}
    assert colleague.post(reverse("ideas:post_idea"), data).status_code == 302
    page = viewer.get(BOARD)
    assert page[CACHE_HEADER] == "miss"
    assert "Exit tickets" in page.content.decode()


def test_each_person_sees_their_own_reaction_on_a_cached_board(staff, moderator):
    idea = IdeaFactory(school=staff.school)
    reacting, watching = signed_in(staff), signed_in(moderator)
    reacting.get(BOARD), watching.get(BOARD)
    reacting.post(reverse("ideas:react", args=[idea.pk]), {"kind": "will_try", "next": BOARD})
    mine = reacting.get(BOARD).content.decode()
    assert 'aria-pressed="true"' in mine and '<span class="reaction-count">1</span>' in mine
    for _ in range(2):
        theirs = watching.get(BOARD).content.decode()
        assert (
            'aria-pressed="false"' in theirs and '<span class="reaction-count">1</span>' in theirs
        )
    assert watching.get(BOARD)[CACHE_HEADER] == "hit"
