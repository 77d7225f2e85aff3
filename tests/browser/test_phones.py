"""Phones and small laptops, measured: the board's first screen, 24 px targets, the
sticky post-it panel on an 800 px window, and the participation chart on a phone."""

from playwright.sync_api import expect

from hub.models import Role, Status
from ideas.board.services import pick_idea_of_week
from tests.browser.conftest import SCREENSHOTS, expect_accessible, sign_in
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.scrapbook.factories import ArticleFactory
from tests.ideas.thursday.factories import QuestionFactory

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
TARGETS = ".chip-list a, .post-it-tags a, .tag-list a, .reaction-btn"


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def small_targets(page) -> list[str]:
    """Every visible tag chip or reaction button smaller than 24 × 24 px."""
    return page.eval_on_selector_all(
        TARGETS,
        """(els) => els.filter((el) => el.offsetParent !== null).map((el) => {
             const box = el.getBoundingClientRect();
             return [el.textContent.trim(), box.width, box.height];
           }).filter(([, w, h]) => w < 24 || h < 24).map(([t, w, h]) => `${t}: ${w}x${h}`)""",
    )


def board_with_ideas(school, moderator, staff):
    ta = StaffFactory(school=school, full_name="Tariq Assistant", role=Role.TEACHING_ASSISTANT)
    ideas = [
        IdeaFactory(
            author=author,
            title=f"Idea {n}: mini whiteboards for everyone",
            tags=["oracy", "feedback", "maths"][: 1 + n % 3],
            colour=["yellow", "pink", "blue"][n % 3],
        )
        for n, author in enumerate([staff, ta] * 4)
    ]
    pick_idea_of_week(idea=ideas[0], actor=moderator, reason="Every class can start tomorrow.")
    return ideas


def test_the_board_on_a_phone_shows_post_its_on_the_first_screen(page, school, moderator, staff):
    board_with_ideas(school, moderator, staff)
    sign_in(page, staff)
    page.set_viewport_size(PHONE)
    page.goto("/board/")
    expect_accessible(page)
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 64, header  # one row: the name and a Menu button
    first = page.locator(".post-it-wall .post-it").first.bounding_box()
    assert first["y"] + 120 <= PHONE["height"], f"first post-it starts at {first['y']} px"
    assert not small_targets(page), small_targets(page)
    shot(page, "phone-board-first-screen")

    # The menu and the filters open from their buttons.
    expect(page.get_by_role("link", name="Thinking Thursday")).to_be_hidden()
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("link", name="Thinking Thursday")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#site-menu.show")).to_be_visible()  # the opening animation ended
    shot(page, "phone-board-menu-open")
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_label("Search every week’s ideas")).to_be_hidden()
    page.get_by_role("button", name="Search and filters").click()
    expect(page.get_by_label("Search every week’s ideas")).to_be_visible()
    assert not small_targets(page), small_targets(page)
    expect_accessible(page)
    shot(page, "phone-board-filters-open")

    # A filter is on: the panel starts open, and says so.
    page.get_by_role("navigation", name="Filter by tag").get_by_role("link", name="#oracy").click()
    expect_accessible(page)
    expect(page.get_by_role("button", name="Search and filters (on)")).to_have_attribute(
        "aria-expanded", "true"
    )
    expect(page.get_by_role("link", name="All", exact=True)).to_be_visible()


def test_on_a_laptop_the_post_it_panel_fits_and_chips_are_targets(page, school, moderator, staff):
    board_with_ideas(school, moderator, staff)
    sign_in(page, staff)
    page.set_viewport_size(LAPTOP)
    page.goto("/board/")
    expect_accessible(page)
    assert not small_targets(page), small_targets(page)
    # Everything is on the page at once on a laptop: no toggle.
    expect(page.get_by_role("button", name="Search and filters")).to_be_hidden()
    expect(page.get_by_label("Search every week’s ideas")).to_be_visible()
    expect(page.get_by_role("link", name="Thinking Thursday")).to_be_visible()

    page.mouse.wheel(0, 600)
    aside = page.locator(".board-aside")
    box = aside.bounding_box()
    assert box["height"] <= LAPTOP["height"] - 16, box
    # The panel scrolls inside itself; its submit button can always be reached.
    aside.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
    button = page.get_by_role("button", name="Stick it on the board").bounding_box()
    assert button["y"] >= 0 and button["y"] + button["height"] <= LAPTOP["height"], button
    shot(page, "laptop-board-800")
    # Keyboard users reach it too: tabbing to it brings it into view.
    page.get_by_role("button", name="Stick it on the board").focus()
    button = page.get_by_role("button", name="Stick it on the board").bounding_box()
    assert button["y"] + button["height"] <= LAPTOP["height"]


def test_tags_elsewhere_are_24_px_targets(page, school, staff):
    question = QuestionFactory(school=school)
    question.tags.add("oracy", "reading")
    article = ArticleFactory(author=staff, status=Status.PUBLISHED)
    article.tags.add("phonics", "ks1")
    sign_in(page, staff)
    for viewport in (PHONE, LAPTOP):
        page.set_viewport_size(viewport)
        for url in (f"/thinking-thursday/questions/{question.pk}/", "/thinking-thursday/"):
            page.goto(url)
            expect_accessible(page)
            assert page.locator(".tag-list a").count(), url
            assert not small_targets(page), (url, small_targets(page))


def test_the_participation_chart_fits_a_phone_with_a_table(page, school, moderator, staff):
    NoteFactory.create_batch(3, author=staff)
    sign_in(page, moderator)
    page.set_viewport_size(PHONE)
    page.goto("/dashboard/")
    expect_accessible(page)
    chart = page.locator(".trend-chart svg:visible").bounding_box()
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= PHONE["width"], chart
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    page.get_by_text("Show the numbers as a table").click()
    expect(page.get_by_role("table", name="Sharing week by week")).to_be_visible()
    page.locator(".trend-chart").scroll_into_view_if_needed()
    shot(page, "phone-participation-chart")
    # The same chart on a laptop is the wide drawing.
    page.set_viewport_size(LAPTOP)
    chart = page.locator(".trend-chart svg:visible").bounding_box()
    assert chart["width"] > 600, chart
