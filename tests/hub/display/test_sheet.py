"""The printable A4 sheet: the screen's sections for signed-in staff, never more than
every colleague may see, whoever prints it."""

import pytest
from django.urls import reverse

from hub.models import Status
from hub.moderation import celebrate
from tests.events.lunches.factories import LunchFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.thursday.factories import QuestionFactory

SHEET = reverse("hub:staffroom_sheet")


def test_the_sheet_shows_the_week(client_for, staff, school):
    IdeaFactory(school=school, title="Think, pair, share")
    QuestionFactory(school=school, text="What is feedback for?")
    LunchFactory(school=school, theme="Oracy")
    page = client_for(staff).get(SHEET).content.decode()
    assert "This week in the staffroom" in page
    for text in ("Think, pair, share", "What is feedback for?", "Oracy", "<svg"):
        assert text in page
    assert "@page" not in page  # the print rules live in the stylesheet (CSP)


def test_a_moderators_sheet_shows_only_what_everyone_may_see(client_for, moderator, school):
    IdeaFactory(school=school, title="WAITING-IDEA", status=Status.SUBMITTED)
    IdeaFactory(school=school, title="SHARED-IDEA")
    page = client_for(moderator).get(SHEET).content.decode()
    assert "SHARED-IDEA" in page
    assert "WAITING-IDEA" not in page


def test_the_sheet_of_another_school_is_never_shown(client_for, outsider, school):
    IdeaFactory(school=school, title="Oakfield post-it")
    assert "Oakfield post-it" not in client_for(outsider).get(SHEET).content.decode()


def test_an_empty_week_says_so(client_for, staff):
    page = client_for(staff).get(SHEET).content.decode()
    assert "No post-its yet this week" in page
    assert "comes on Thursday at 07:00" in page
    assert "No learning lunch planned yet" in page
    assert "Nothing celebrated yet" in page


@pytest.mark.parametrize("size", [1, 25])
def test_the_sheet_costs_the_same_queries_whatever_the_data(
    client_for, staff, moderator, school, size, django_assert_max_num_queries
):
    for idea in IdeaFactory.create_batch(size, school=school):
        celebrate(idea, actor=moderator, note="Thanks")
    client = client_for(staff)
    with django_assert_max_num_queries(14):
        assert client.get(SHEET).status_code == 200
