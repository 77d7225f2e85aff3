import re

from playwright.sync_api import expect

from hub.models import Staff
from hub.people.demo import DEMO_PASSWORD, seed_demo_school
from ideas.board.models import Idea, IdeaOfTheWeek
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.ideas.board.factories import IdeaFactory


def test_staff_post_react_comment_and_a_moderator_picks_the_idea_of_the_week(
    page, staff, moderator, mailoutbox
):
    IdeaFactory(author=moderator, title="Silent debate", tags=["oracy"])
    sign_in(page, staff)
    page.get_by_role("link", name="Board", exact=True).click()
    expect_accessible(page)

    # Post an idea with tags; existing tags are suggested as you type.
    page.get_by_label("Title").fill("Mini whiteboards for hinge questions")
    page.get_by_label("Note").fill("Everyone shows A, B, C or D at once.\nTakes 30 seconds.")
    with page.expect_response(re.compile(r"/board/tags/")):
        page.get_by_role("combobox", name="Tags").press_sequentially("ora")
    expect(page.locator("#idea-tag-suggestions option")).to_have_attribute("value", "oracy")
    page.get_by_role("combobox", name="Tags").fill("assessment, oracy")
    page.get_by_label("Green").check()
    page.get_by_role("button", name="Stick it on the board").click()
    expect(page.get_by_role("status")).to_contain_text("Your post-it is on the board")
    mine = page.locator("article.post-it", has_text="Mini whiteboards")
    expect(mine).to_have_class(re.compile("post-it-green"))
    expect(mine.get_by_role("link", name="#oracy")).to_be_visible()
    expect_accessible(page)

    # "I tried it" with a reflection, without a page reload (htmx).
    debate = page.locator("article.post-it", has_text="Silent debate")
    page.evaluate("window.beforeReload = true")
    debate.get_by_text("I tried it").click()
    debate.get_by_role("button", name="Share how it went").click()
    expect(debate).to_contain_text("Please add a sentence or two")
    expect_accessible(page)
    debate.get_by_label("What happened in class?").fill("Year 4 wrote pages; the quiet ones most.")
    debate.get_by_role("button", name="Share how it went").click()
    expect(debate.get_by_role("link", name=re.compile("You tried it"))).to_be_visible()
    assert page.evaluate("window.beforeReload") is True
    expect_accessible(page)

    # Comment on the idea; its author is emailed.
    debate.get_by_role("link", name="Silent debate", exact=True).click()
    expect(page.get_by_text("Year 4 wrote pages; the quiet ones most.")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Add a comment").fill("Could I borrow your sugar paper?")
    page.get_by_role("button", name="Post comment").click()
    expect(page.locator(".comment-list")).to_contain_text("Could I borrow your sugar paper?")
    expect_accessible(page)
    # The idea's author hears of the reflection (quoted) and of the comment.
    assert [mail.to for mail in mailoutbox] == [[moderator.email], [moderator.email]]
    assert "Year 4 wrote pages; the quiet ones most." in mailoutbox[0].subject
    assert "commented on “Silent debate”" in mailoutbox[1].subject

    # A moderator picks the staff member's idea as the Idea of the Week.
    page.context.clear_cookies()
    sign_in(page, moderator, then_open="/board/")
    page.get_by_role("link", name="Mini whiteboards for hinge questions", exact=True).click()
    expect_accessible(page)
    screenshot(page, "board-idea-moderator")
    page.get_by_label("Why this idea? (optional)").fill("So quick, and it works in every class.")
    page.get_by_role("button", name="Pick as Idea of the Week").click()
    banner = page.get_by_role("region", name="Idea of the Week")
    expect(banner).to_contain_text("Mini whiteboards for hinge questions")
    expect(banner).to_contain_text("So quick, and it works in every class.")
    expect_accessible(page)
    assert IdeaOfTheWeek.objects.get().idea.title == "Mini whiteboards for hinge questions"
    assert mailoutbox[-1].to == [staff.email]

    # Filter by tag.
    page.get_by_role("navigation", name="Filter by tag").get_by_role("link", name="#oracy").click()
    expect(page.locator("article.post-it")).to_have_count(2)
    expect_accessible(page)
    page.get_by_role("navigation", name="Filter by tag").get_by_role(
        "link", name=re.compile("#assessment")
    ).click()
    expect(page.locator("article.post-it")).to_have_count(1)
    expect_accessible(page)


def test_reactions_work_with_javascript_off(browser, live_server, staff, transactional_db):
    idea = IdeaFactory(school=staff.school, title="Tidy-up song")
    context = browser.new_context(java_script_enabled=False, base_url=live_server.url)
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign in").click()
    page.goto("/board/")
    page.get_by_role("button", name=re.compile("I’ll try this")).click()
    expect(page.get_by_role("button", name=re.compile("I’ll try this"))).to_have_attribute(
        "aria-pressed", "true"
    )
    assert idea.reactions.count() == 1
    context.close()


def test_the_demo_board_reads_like_a_staffroom_board(page):
    seed_demo_school()
    ta = Staff.objects.get(email="ta@oakfield.example")
    sign_in(page, ta, password=DEMO_PASSWORD)
    screenshot(page, "board-home")
    page.goto("/board/")
    expect_accessible(page)
    expect(page.locator("article.post-it")).to_have_count(8)
    screenshot(page, "board")
    screenshot(page, "board", phone=True)
    idea = Idea.objects.filter(reactions__kind="tried").first()
    page.goto(f"/board/{idea.pk}/")
    expect_accessible(page)
    screenshot(page, "board-idea")
    screenshot(page, "board-idea", phone=True)
    page.goto("/board/archive/")
    expect_accessible(page)
    screenshot(page, "board-archive")
    page.goto("/board/print/")
    expect_accessible(page)
    expect(page.locator(".print-qr svg")).to_be_visible()
    page.emulate_media(media="print")
    screenshot(page, "board-print")
    page.emulate_media(media="screen")
    page.goto("/board/post/")
    expect_accessible(page)
    screenshot(page, "board-post", phone=True)
