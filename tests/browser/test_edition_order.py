"""Putting an edition in order: drag and drop, a keyboard "move to position", filters.

Every change is saved without a page load (htmx) and read out by a live region."""

from playwright.sync_api import expect

from hub.models import Status
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with


def _order(edition) -> list[int]:
    return list(edition.entries.order_by("position").values_list("article_id", flat=True))


def test_an_admin_puts_an_edition_in_order_without_reloading(page, staff, school_admin):
    articles = [
        ArticleFactory(author=staff, status=Status.PUBLISHED, title=f"Idea number {n + 1}")
        for n in range(13)
    ]
    ArticleFactory(author=staff, status=Status.PUBLISHED, title="Calm lunch hall")
    ArticleFactory(author=staff, status=Status.PUBLISHED, title="Phonics on the stairs")
    edition = edition_with(articles, created_by=school_admin, title="Autumn term 2026")
    ids = [a.pk for a in articles]

    sign_in(page, school_admin)
    page.goto(f"/scrapbook/editions/{edition.pk}/edit/")
    expect_accessible(page)
    # A marker on the window survives only if the page is never reloaded.
    page.evaluate("window.sameDocument = true")
    status = page.locator("#arrange-status")

    # Drag the 7th article to the top.
    seventh, first = page.locator(f"#entry-{ids[6]}"), page.locator(f"#entry-{ids[0]}")
    _drag(page, seventh.locator(".drag-handle"), first)
    expect(status).to_have_text("“Idea number 7” is now number 1 of 13.")
    assert _order(edition) == [ids[6], *ids[:6], *ids[7:]]
    expect(page.locator(".chosen-item").first).to_contain_text("Idea number 7")
    screenshot(page, "edition-order-after-drag")
    expect_accessible(page)

    # The keyboard way: the 13th to the top in one step; focus stays on the article.
    page.get_by_label("Position of “Idea number 13”", exact=True).focus()
    page.get_by_label("Position of “Idea number 13”", exact=True).select_option("1")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(status).to_have_text("“Idea number 13” is now number 1 of 13.")
    expect(page.locator(f"#position-{ids[12]}")).to_be_focused()
    assert _order(edition)[0] == ids[12]
    page.get_by_label("Position of “Idea number 1”", exact=True).select_option("5")
    page.get_by_role("button", name="Move “Idea number 1” to that position").click()
    expect(status).to_have_text("“Idea number 1” is now number 5 of 13.")
    assert _order(edition)[4] == ids[0]
    # Up and Down keep focus on the same button, so pressing again moves it again.
    up = page.get_by_role("button", name="move “Idea number 1” earlier")
    up.click()
    expect(status).to_have_text("“Idea number 1” is now number 4 of 13.")
    expect(up).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text("“Idea number 1” is now number 3 of 13.")
    assert _order(edition)[2] == ids[0]

    # Filter the approved articles by words, then add one.
    # htmx binds the new list's filter field when the swap settles (20 ms after the
    # status above changes, longer on a busy machine); a person cannot type sooner.
    expect(page.locator(".htmx-request, .htmx-swapping, .htmx-settling")).to_have_count(0)
    page.get_by_label("Title, author or subject contains").fill("phonics")
    available = page.locator("#available")
    expect(available).to_contain_text("1 article matches")
    expect(available).not_to_contain_text("Calm lunch hall")
    page.get_by_role("button", name="Add “Phonics on the stairs”").click()
    expect(status).to_have_text("“Phonics on the stairs” was added as number 14 of 14.")
    expect(page.get_by_label("Title, author or subject contains")).to_have_value("phonics")
    assert page.evaluate("window.sameDocument") is True
    screenshot(page, "edition-order")
    screenshot(page, "edition-order", phone=True)


def _drag(page, source, target) -> None:
    """Press, move and release as a person does (with the whole list in view, no scrolling)."""
    start, end = source.bounding_box(), target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(start["x"] + 10, start["y"] - 10, steps=3)
    page.mouse.move(end["x"] + 40, end["y"] + 4, steps=10)
    page.mouse.up()


def test_arranging_works_without_javascript(browser, live_server, staff, school_admin):
    from tests.browser.conftest import DESKTOP
    from tests.factories import PASSWORD

    articles = [
        ArticleFactory(author=staff, status=Status.PUBLISHED, title=f"Plain idea {n + 1}")
        for n in range(3)
    ]
    edition = edition_with(articles, created_by=school_admin)
    context = browser.new_context(
        viewport=DESKTOP, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    page.goto("/accounts/login/")
    page.get_by_label("Email address").fill(school_admin.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"/scrapbook/editions/{edition.pk}/edit/")
    page.get_by_label("Position of “Plain idea 3”", exact=True).select_option("1")
    page.get_by_role("button", name="Move “Plain idea 3” to that position").click()
    expect(page.locator(".alert-success")).to_have_text("“Plain idea 3” is now number 1 of 3.")
    assert _order(edition) == [articles[2].pk, articles[0].pk, articles[1].pk]
    context.close()
