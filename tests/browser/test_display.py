"""The staffroom screen in a real browser: a head makes a link, a fresh browser with no
sign-in opens it, Thursday's question appears at 07:00, the screen keeps its panels
when the network drops, and a revoked link stops it. Plus the printed A4 sheet."""

import re
import subprocess
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from events.lunches.models import PlateKind
from hub.moderation import celebrate
from ideas.board.services import pick_idea_of_week
from tests.browser.conftest import (
    AXE_SOURCE,
    SAVE_SCREENSHOTS,
    SCREENSHOTS,
    AccessibilityTracker,
    expect_accessible,
    screenshot,
    sign_in,
)
from tests.events.lunches.factories import InputFactory, LunchFactory, SignUpFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory, london

TV = {"width": 1920, "height": 1080}
QUESTION = "What would we stop doing if we trusted each other more?"
THURSDAY_SEVEN = london(2026, 3, 26, 7)


@pytest.fixture
def clock(monkeypatch):
    """The server's clock, moved by the test: Thursday 26 March 2026, 06:59 in London."""
    moment = {"now": THURSDAY_SEVEN - timedelta(minutes=1)}
    monkeypatch.setattr(timezone, "now", lambda: moment["now"])
    return moment


@pytest.fixture
def week(school, moderator, clock):
    people = [
        StaffFactory(school=school, full_name=name)
        for name in ("Priya Patel", "Tom Okafor", "Jess Lee", "Sam Reid")
    ]
    colours = ["yellow", "pink", "blue", "green", "orange", "lilac"]
    titles = [
        "Mini whiteboards for every hinge question",
        "Silent starter on the board as they come in",
        "Name lolly sticks, then wait five seconds",
        "Show-me cards in phonics",
        "Two stars and a wish on exit tickets",
        "Read the question aloud twice",
    ]
    ideas = [
        IdeaFactory(school=school, author=people[n % 4], title=title, colour=colours[n])
        for n, title in enumerate(titles)
    ]
    pick_idea_of_week(idea=ideas[0], actor=moderator, reason="Every child answers, every time.")
    QuestionFactory(school=school, author=people[1], text=QUESTION, publish_at=THURSDAY_SEVEN)
    lunch = LunchFactory(school=school, theme="Retrieval practice that sticks", capacity=12)
    for plate, kind in (("Flapjacks", PlateKind.SWEET), ("Samosas", PlateKind.SAVOURY)):
        SignUpFactory(lunch=lunch, plate=plate, plate_kind=kind)
    InputFactory(lunch=lunch, author=people[2], title="Low-stakes quizzes in Year 4")
    earlier = QuestionFactory(
        school=school, author=people[3], publish_at=THURSDAY_SEVEN - timedelta(days=14)
    )
    reply = ReplyFactory(question=earlier, author=people[0], text="Ask fewer, better questions.")
    celebrate(reply, actor=moderator, note="This changed how our department plans.")
    return ideas


def tv_screenshot(screen: Page, name: str) -> None:
    """The screen as the room sees it, once a panel has finished fading in (saved only
    when screenshots are asked for, as `screenshot` does)."""
    if not SAVE_SCREENSHOTS:
        return
    screen.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running')"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screen.screenshot(path=str(SCREENSHOTS / f"display-screen-1920-{name}.png"))


def fresh_screen_page(browser, live_server, html_checker, viewport) -> Page:
    """A browser with no cookies and no sign-in, checked like the `page` fixture."""
    context = browser.new_context(viewport=viewport, base_url=live_server.url)
    context.set_default_timeout(10_000)
    context.add_init_script(path=str(AXE_SOURCE))
    screen = context.new_page()
    screen.accessibility_tracker = AccessibilityTracker()
    screen.html_checker = html_checker
    screen.on(
        "response",
        lambda response: (
            setattr(screen.accessibility_tracker, "document", response)
            if response.request.resource_type == "document"
            else None
        ),
    )
    errors = []
    screen.on("pageerror", lambda error: errors.append(str(error)))
    screen.js_errors = errors
    return screen


def make_link(page: Page) -> str:
    page.get_by_role("link", name="Screens").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    expect(page.get_by_role("heading", name="No screens yet")).to_be_visible()
    page.get_by_role("button", name="Make the link").click()  # no name yet
    page.wait_for_load_state("load")
    expect(page.get_by_text("Give the screen a name")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Where is the screen?").fill("Staffroom TV")
    page.get_by_role("button", name="Make the link").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("shown only this once")
    screenshot(page, "display-links")
    screenshot(page, "display-links", phone=True)
    return page.get_by_role("textbox", name="Screen link").input_value()


def test_a_head_puts_the_week_on_the_staffroom_tv(
    page, browser, live_server, html_checker, moderator, week, clock
):
    sign_in(page, moderator)
    link = make_link(page)
    assert link.startswith(live_server.url + "/screen/")

    screen = fresh_screen_page(browser, live_server, html_checker, TV)
    screen.clock.install()
    screen.goto(link)
    expect_accessible(screen)
    assert screen.context.cookies() == []
    panels = screen.locator("#screen-content")
    expect(panels).to_contain_text("Mini whiteboards for every hinge question")
    expect(screen.get_by_role("button", name="Pause")).to_be_visible()
    tv_screenshot(screen, "board")

    # 06:59: the question is not up yet.
    screen.get_by_role("button", name="Thinking Thursday").click()
    expect(screen.get_by_text("comes on Thursday at 07:00")).to_be_visible()
    expect(panels).not_to_contain_text(QUESTION)

    # 07:00: within a minute the screen fetches its panels again and the question is up.
    clock["now"] = THURSDAY_SEVEN
    screen.clock.run_for(61_000)
    expect(screen.get_by_text(QUESTION)).to_be_visible(timeout=20_000)
    expect(screen.get_by_text("Asked by Tom Okafor")).to_be_visible()
    expect_accessible(screen)
    tv_screenshot(screen, "thursday")
    for panel in ("Next learning lunch", "Celebrated"):
        screen.get_by_role("button", name=panel).click()
        expect(screen.get_by_role("heading", name=panel)).to_be_visible()
        slug = panel.split()[-1].lower()
        tv_screenshot(screen, slug)
    expect(panels).to_contain_text("Samosas")
    expect(panels).to_contain_text("by Priya Patel")

    # The network drops: the panels stay, with a quiet note.
    screen.route("**/content/", lambda route: route.abort("internetdisconnected"))
    clock["now"] = THURSDAY_SEVEN + timedelta(minutes=1)
    screen.clock.run_for(61_000)
    expect(screen.get_by_role("status")).to_contain_text("Offline since", timeout=20_000)
    expect(screen.get_by_text(QUESTION)).to_be_attached()
    expect(screen.get_by_role("heading", name="Celebrated")).to_be_visible()
    tv_screenshot(screen, "offline")
    screen.unroute("**/content/")
    screen.clock.run_for(61_000)
    # The note goes once a fetch works again (it is display: none while empty).
    expect(screen.locator("[data-screen-offline]")).to_be_empty(timeout=20_000)

    # The head switches the link off: the screen says so within a minute.
    page.get_by_role("link", name="Switch off").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    screenshot(page, "display-revoke", phone=True)
    page.get_by_role("button", name="Yes, switch it off").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("is switched off")
    screen.clock.run_for(61_000)
    expect(screen.get_by_role("heading", name="This screen link does not work")).to_be_visible(
        timeout=20_000
    )
    expect_accessible(screen)
    assert screen.get_by_label("Password").count() == 0
    response = screen.goto(link)
    assert response.status == 404
    expect_accessible(screen)
    screenshot(screen, "display-screen-not-found", phone=True)
    assert not screen.js_errors
    screen.context.close()


def test_the_screen_pauses_and_keeps_still_for_reduced_motion(
    page, browser, live_server, html_checker, moderator, week, clock
):
    sign_in(page, moderator)
    link = make_link(page)
    screen = fresh_screen_page(browser, live_server, html_checker, TV)
    screen.emulate_media(reduced_motion="reduce")
    screen.clock.install()
    screen.goto(link)
    expect_accessible(screen)
    board = screen.get_by_role("heading", name="Idea of the Week board")
    expect(board).to_be_visible()
    assert screen.evaluate("document.getAnimations().length") == 0
    screen.clock.run_for(13_000)
    expect(board).to_be_hidden()  # the next panel, after a few seconds
    pause = screen.get_by_role("button", name="Pause")
    pause.click()
    expect(screen.get_by_role("button", name="Play")).to_have_attribute("aria-pressed", "true")
    screen.locator("body").click(position={"x": 5, "y": 5})  # focus leaves the button
    shown = screen.locator(".screen-panel:not([hidden]) h2").inner_text()
    screen.clock.run_for(40_000)
    assert screen.locator(".screen-panel:not([hidden]) h2").inner_text() == shown
    # Tab to a panel's name and it stays while the keyboard is there.
    screen.get_by_role("button", name="Play").click()
    screen.get_by_role("button", name="Celebrated").focus()
    screen.keyboard.press("Enter")
    with screen.expect_response("**/content/"):  # the minute's refresh comes and goes
        screen.clock.run_for(61_000)
    screen.wait_for_function("() => !document.querySelector('.htmx-request')")
    expect(screen.get_by_role("heading", name="Celebrated")).to_be_visible()
    expect(screen.get_by_role("button", name="Celebrated")).to_be_focused()
    # A server answering "busy" (503) is treated like a dropped network: panels stay.
    screen.route("**/content/", lambda route: route.fulfill(status=503, body="Busy"))
    screen.clock.run_for(61_000)
    expect(screen.get_by_role("status")).to_contain_text("Offline since", timeout=20_000)
    expect(screen.get_by_role("heading", name="Celebrated")).to_be_visible()
    assert "Busy" not in screen.content()
    screen.unroute("**/content/")
    screenshot(screen, "display-screen", phone=True)
    assert not screen.js_errors
    screen.context.close()


def test_a_colleague_prints_the_week_on_one_a4_page(page, staff, week, clock):
    sign_in(page, staff)
    page.get_by_role("link", name="Print it for the noticeboard").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    expect(page.get_by_role("heading", name="This week in the staffroom")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    screenshot(page, "display-sheet")
    screenshot(page, "display-sheet", phone=True)
    pdf = SCREENSHOTS / "display-sheet-a4.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.MULTILINE), pages
    assert re.search(r"^Page size:.*\(A4\)$", pages, re.MULTILINE), pages
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
        check=True,
    )
