"""Words in a browser: a cook who tried an idea is not asked about "class", a reply no one
built on says so, and drop-downs and radio buttons never offer "---------"."""

from playwright.sync_api import expect

from hub.models import Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.events.lunches.factories import LunchFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def test_a_cook_tries_an_idea_in_words_that_fit_and_sees_no_raw_choices(page, school, staff):
    cook = StaffFactory(school=school, full_name="Carol Cook", role=Role.SUPPORT)
    idea = IdeaFactory(author=staff, title="Menus with pictures")
    question = QuestionFactory(school=school, author=staff, text="What makes lunchtime calm?")
    ReplyFactory(question=question, author=cook, text="A quiet corner with books.")
    lunch = LunchFactory(school=school, theme="Calm lunchtimes")

    sign_in(page, cook)
    page.goto("/board/")
    expect_accessible(page)
    card = page.locator(".post-it", has_text="Menus with pictures")
    expect(card.get_by_role("link", name="Add a comment on “Menus with pictures”")).to_be_visible()
    card.get_by_text("I tried it").click()
    expect(card.get_by_label("What happened when you tried it?")).to_be_visible()
    expect(page.get_by_text("What happened in class?")).to_have_count(0)
    screenshot(page, "words-board-cook")
    screenshot(page, "words-board-cook", phone=True)
    card.get_by_label("What happened when you tried it?").fill("The queue chose in seconds.")
    card.get_by_role("button", name="Share how it went").click()
    expect(card.get_by_role("link", name="You tried it 1")).to_be_visible()

    page.goto(question.get_absolute_url())
    expect_accessible(page)
    expect(page.get_by_text("No one has built on this yet")).to_be_visible()
    expect(page.get_by_text("0 colleagues")).to_have_count(0)
    screenshot(page, "words-thursday-reply")
    screenshot(page, "words-thursday-reply", phone=True)

    page.goto(f"/lunches/{lunch.pk}/volunteer/")
    expect_accessible(page)
    kinds = page.get_by_role("group", name="What kind of input?").get_by_role("radio")
    expect(kinds).to_have_count(3)
    expect(page.get_by_text("---------")).to_have_count(0)
    screenshot(page, "words-lunch-input")
    screenshot(page, "words-lunch-input", phone=True)
    assert idea.reactions.get().reflection == "The queue chose in seconds."
