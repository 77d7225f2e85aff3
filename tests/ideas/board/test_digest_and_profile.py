"""What the board adds to the dashboard, the weekly digest and staff profiles."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from hub.leaders.digest import render_sections
from hub.leaders.participation import participation
from hub.lib.weeks import Week
from hub.models import Status
from ideas.board.models import IdeaOfTheWeek, ReactionKind
from tests.ideas.board.factories import IdeaFactory, ReactionFactory


def test_a_reflection_counts_as_sharing_but_a_bare_ill_try_this_does_not(school, staff):
    idea = IdeaFactory(author__school=school)
    ReactionFactory(idea=idea, author=staff, kind=ReactionKind.WILL_TRY)
    today = timezone.localdate()
    result = participation(school=school, first_day=today - dt.timedelta(days=7), last_day=today)
    alice = next(row for row in result.people if row.member == staff)
    assert alice.count_of("ideas.reaction") == 0
    ReactionFactory(idea=idea, author=staff, kind=ReactionKind.TRIED)
    result = participation(school=school, first_day=today - dt.timedelta(days=7), last_day=today)
    alice = next(row for row in result.people if row.member == staff)
    assert alice.count_of("ideas.reaction") == 1


def test_the_digest_names_the_idea_of_the_week(school, staff, moderator):
    idea = IdeaFactory(author=staff, title="Silent starters")
    IdeaOfTheWeek.objects.create(
        school=school, week=idea.week, idea=idea, picked_by=moderator, reason="So calm"
    )
    sections = render_sections(school, Week(idea.week))
    board = next(section for section in sections if "ON THE BOARD" in section["text"])
    assert "Idea of the Week: Silent starters from Alice Teacher (So calm)" in board["text"]
    assert "1 post-it went up this week" in board["text"]


def test_the_digest_leaves_out_a_hidden_pick(school, staff, moderator):
    idea = IdeaFactory(author=staff, title="Hidden one", status=Status.HIDDEN)
    IdeaOfTheWeek.objects.create(school=school, week=idea.week, idea=idea, picked_by=moderator)
    sections = render_sections(school, Week(idea.week))
    assert not any("Hidden one" in section["text"] for section in sections)


def test_a_profile_shows_the_ideas_they_tried_with_what_happened(client_for, school, staff):
    idea = IdeaFactory(author__school=school, title="Talk partners")
    ReactionFactory(idea=idea, author=staff, kind=ReactionKind.TRIED, reflection="Year 4 loved it.")
    page = client_for(staff).get(reverse("hub:profile", args=[staff.pk])).content.decode()
    assert "Ideas they tried" in page
    assert "Talk partners" in page and "Year 4 loved it." in page


def test_a_profile_lists_the_idea_of_the_week_among_celebrations_as_a_link(
    client_for, school, staff, moderator, outsider
):
    idea = IdeaFactory(author=staff, title="Silent starters")
    IdeaOfTheWeek.objects.create(
        school=school, week=idea.week, idea=idea, picked_by=moderator, reason="Calm mornings"
    )
    url = reverse("hub:profile", args=[staff.pk])

    page = client_for(moderator).get(url).content.decode()

    celebrated = page[page.index('id="celebrated-heading"') : page.index('id="shared-heading"')]
    assert f'<a href="{idea.get_absolute_url()}">Silent starters</a>' in celebrated
    assert "Idea of the Week" in celebrated and "Calm mornings" in celebrated


def test_every_contribution_kind_links_to_its_own_page():
    """Profiles, notifications and the moderation queue link every kind: none may lack a page."""
    from hub.registry import contribution_kinds

    missing = [
        kind.model.__name__
        for kind in contribution_kinds()
        if not callable(getattr(kind.model, "get_absolute_url", None))
    ]
    assert not missing
