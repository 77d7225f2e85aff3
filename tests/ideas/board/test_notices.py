"""Authors hear about every response to their post-its, and each notice lands on the spot."""

import re

import pytest
from django.urls import reverse

from hub.models import NoticeKind, Notification
from ideas.board import services
from ideas.board.models import ReactionKind
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory


@pytest.fixture
def idea(staff):
    return IdeaFactory(author=staff, title="Menus with pictures")


def open_and_land(client, notice) -> str:
    """Open a notice as its recipient: the page it lands on, after checking the anchor is there."""
    response = client.get(reverse("hub:open_notification", args=[notice.pk]))
    assert response.status_code == 302
    path, _, anchor = response["Location"].partition("#")
    page = client.get(path)
    assert page.status_code == 200
    html = page.content.decode()
    if anchor:
        assert re.search(rf'id="{re.escape(anchor)}"', html), f"#{anchor} is not on {path}"
    notice.refresh_from_db()
    assert not notice.is_unread
    return html


def test_the_author_hears_a_colleague_will_try_it_and_lands_on_who_will(idea, client_for):
    colleague = StaffFactory(school=idea.school, full_name="Tom Teacher")

    services.reaction_add(idea=idea, author=colleague, kind=ReactionKind.WILL_TRY)

    notice = Notification.objects.get(recipient=idea.author)
    assert (notice.kind, notice.message) == (
        NoticeKind.WILL_TRY,
        "Tom Teacher will try “Menus with pictures”",
    )
    assert "Tom Teacher" in open_and_land(client_for(idea.author), notice)


def test_i_tried_it_quotes_the_reflection_and_lands_on_it(idea, client_for):
    colleague = StaffFactory(school=idea.school, full_name="Tom Teacher")

    reaction = services.reaction_add(
        idea=idea, author=colleague, kind=ReactionKind.TRIED, reflection="Year 2 loved it."
    )

    notice = Notification.objects.get(recipient=idea.author, kind=NoticeKind.TRIED)
    assert notice.message == "Tom Teacher tried “Menus with pictures”: “Year 2 loved it.”"
    assert notice.link().endswith(f"#reaction-{reaction.pk}")
    assert "Year 2 loved it." in open_and_land(client_for(idea.author), notice)


def test_three_colleagues_trying_it_make_one_grouped_notice(idea):
    for n in range(3):
        services.reaction_add(
            idea=idea,
            author=StaffFactory(school=idea.school),
            kind=ReactionKind.TRIED,
            reflection=f"Worked, take {n}",
        )

    notice = Notification.objects.get(recipient=idea.author, kind=NoticeKind.TRIED)
    assert (notice.count, notice.message) == (3, "3 colleagues tried “Menus with pictures”")


def test_nobody_is_told_of_their_own_reaction(idea):
    services.reaction_add(idea=idea, author=idea.author, kind=ReactionKind.WILL_TRY)

    assert not Notification.objects.exists()


def test_a_reflection_waiting_for_approval_is_not_announced_yet(idea):
    idea.school.moderation_mode = "pre"
    idea.school.save()

    services.reaction_add(
        idea=idea, author=StaffFactory(school=idea.school), kind="tried", reflection="Good."
    )

    assert not Notification.objects.filter(kind=NoticeKind.TRIED).exists()


def test_a_comment_lands_on_the_comment(idea, client_for):
    comment = services.comment_add(
        idea=idea, author=StaffFactory(school=idea.school), text="Where do you print them?"
    )

    notice = Notification.objects.get(recipient=idea.author, kind=NoticeKind.COMMENT)
    assert notice.link().endswith(f"#comment-{comment.pk}")
    assert "Where do you print them?" in open_and_land(client_for(idea.author), notice)


def test_the_first_pick_and_a_changed_pick_both_tell_the_picked_author(idea, moderator, client_for):
    other = IdeaFactory(author=StaffFactory(school=idea.school), week=idea.week)

    services.pick_idea_of_week(idea=idea, actor=moderator)
    services.pick_idea_of_week(idea=other, actor=moderator)
    services.pick_idea_of_week(idea=other, actor=moderator, reason="Only the reason changed")

    assert Notification.objects.filter(recipient=idea.author, kind=NoticeKind.PICKED).count() == 1
    # The re-pick bug: the new author was never told, because the old pick was refreshed first.
    notice = Notification.objects.get(recipient=other.author, kind=NoticeKind.PICKED)
    open_and_land(client_for(other.author), notice)


def test_the_third_i_tried_it_invites_the_author_once_to_take_it_further(idea, client_for):
    for n in range(4):
        services.reaction_add(
            idea=idea,
            author=StaffFactory(school=idea.school),
            kind=ReactionKind.TRIED,
            reflection=f"Worked, take {n}",
        )

    invite = Notification.objects.get(recipient=idea.author, kind=NoticeKind.PROGRESSION)
    assert invite.message.startswith("3 colleagues tried “Menus with pictures”")
    page = open_and_land(client_for(idea.author), invite)
    assert f"{reverse('ideas:write_article')}?from_idea={idea.pk}" in page


def test_two_i_tried_its_do_not_invite_yet(idea):
    for _ in range(2):
        services.reaction_add(
            idea=idea, author=StaffFactory(school=idea.school), kind="tried", reflection="Ok."
        )

    assert not Notification.objects.filter(kind=NoticeKind.PROGRESSION).exists()
