"""The term summary a head prints for a staff briefing: what each person shared, by role."""

from playwright.sync_api import expect

from hub.models import Role, Status
from ideas.board.models import ReactionKind
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.events.lunches.factories import LunchFactory, TakeawayFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory
from tests.ideas.scrapbook.factories import ArticleFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def test_a_head_reads_and_prints_who_shared_what(page, school, moderator):
    carter = StaffFactory(
        school=school, full_name="Mr Carter", role=Role.TEACHER, job_title="Year 4 teacher"
    )
    cook = StaffFactory(school=school, full_name="Mrs Reid", role=Role.SUPPORT, job_title="Cook")
    ta = StaffFactory(school=school, full_name="Ms Patel", role=Role.TEACHING_ASSISTANT)
    for n in range(7):
        IdeaFactory(author=carter, title=f"Retrieval starter number {n + 1}")
    soup = IdeaFactory(author=cook, title="Soup of the day quiz at the hatch")
    ReactionFactory(idea=soup, author=ta, kind=ReactionKind.TRIED, reflection="Queue was calm.")
    ArticleFactory(author=ta, status=Status.PUBLISHED, title="Phonics in the corridor")
    question = QuestionFactory(school=school, author=moderator, text="What makes feedback land?")
    ReplyFactory(question=question, author=cook, text="Saying it kindly, at once.")
    TakeawayFactory(lunch=LunchFactory(school=school), author=ta, text="Three recall questions")

    sign_in(page, moderator)
    page.goto("/term-summary/")
    expect_accessible(page)
    carter_item = page.locator(".term-person", has_text="Mr Carter")
    expect(carter_item.get_by_role("link")).to_have_count(5)
    expect(carter_item).to_contain_text("and 2 more")
    expect(page.get_by_role("heading", name="Mrs Reid, Cook")).to_be_visible()
    expect(page.locator(".term-person", has_text="Mrs Reid")).to_contain_text(
        "Reply to “What makes feedback land?”"
    )
    expect(page.get_by_text("contributions")).to_have_count(0)
    screenshot(page, "term-summary-shared-work")
    screenshot(page, "term-summary-shared-work", phone=True)
    page.emulate_media(media="print")
    screenshot(page, "term-summary-shared-work-print")
    page.emulate_media(media="screen")

    page.locator(".term-person", has_text="Mrs Reid").get_by_role(
        "link", name="Board idea: Soup of the day quiz at the hatch"
    ).click()
    expect(page.get_by_role("heading", name="Soup of the day quiz at the hatch")).to_be_visible()
    expect_accessible(page)
