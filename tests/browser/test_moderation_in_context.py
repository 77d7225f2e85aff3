"""A head reads a waiting article whole, photos and consent included, and a flagged
"I'll try this" under its idea, then opens each where colleagues will read it."""

import re

from playwright.sync_api import expect

from hub.models import Flag, Role, Status
from ideas.board.models import ReactionKind
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo


def test_a_moderator_reads_each_item_in_full_and_in_context(page, moderator, school, staff):
    cook = StaffFactory(school=school, full_name="Carol Cook", role=Role.SUPPORT)
    article = ArticleFactory(
        author=staff,
        title="Talk partners at the lunch hall",
        what_happened="Pupils explained their choices. " * 30 + "The very last sentence.",
    )
    add_photo(article, label="Pairs talking", shows_pupils=True)
    article.status = Status.SUBMITTED
    article.save(update_fields=["status"])
    idea = IdeaFactory(author=cook, title="Soup of the day quiz", note="A quiz at the hatch.")
    will_try = ReactionFactory(idea=idea, author=staff, kind=ReactionKind.WILL_TRY)
    Flag.objects.create(
        school=school, target=will_try, flagged_by=cook, reason="Clicked by mistake?"
    )

    sign_in(page, moderator)
    page.goto("/moderation/")
    expect_accessible(page)
    queued_article = page.locator("li.queue-item", has_text="Talk partners at the lunch hall")
    expect(queued_article).to_contain_text("The very last sentence.")
    expect(queued_article).to_contain_text("Shows pupils. Photo consent confirmed by Alice Teacher")
    expect(queued_article.get_by_role("img", name="Pairs talking")).to_be_visible()
    reaction = page.locator("li.queue-item", has_text="Clicked by mistake?")
    expect(reaction).to_contain_text("On the idea “Soup of the day quiz”")
    expect(reaction).to_contain_text("Said “I’ll try this”, with no words of their own.")
    screenshot(page, "moderation-queue-in-full")
    screenshot(page, "moderation-queue-in-full", phone=True)

    reaction.get_by_role("link", name="See it where colleagues will read it").click()
    expect(page).to_have_url(re.compile(re.escape(will_try.get_absolute_url()) + "$"))
    expect(page.get_by_role("heading", name="Soup of the day quiz")).to_be_visible()
    expect_accessible(page)

    page.goto("/moderation/")
    expect_accessible(page)
    queued_article = page.locator("li.queue-item", has_text="Talk partners at the lunch hall")
    queued_article.get_by_role("link", name="See it where colleagues will read it").click()
    expect(page.get_by_role("heading", name="Talk partners at the lunch hall")).to_be_visible()
    expect(page.get_by_role("button", name="Approve")).to_be_visible()
    expect_accessible(page)
