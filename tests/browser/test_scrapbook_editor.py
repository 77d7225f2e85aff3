"""The scrapbook editor: a readable, real-size page preview beside the text (below it on a
phone), photos before the first save, and a searchable co-author picker."""

from playwright.sync_api import expect

from hub.models import Role
from ideas.scrapbook.models import Article
from tests.browser.conftest import SCREENSHOTS, expect_accessible, screenshot, sign_in
from tests.factories import StaffFactory
from tests.ideas.scrapbook.factories import photo_bytes

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
EFFECTIVE_BODY_PX = """() => {
  const sheet = document.querySelector('.page-preview-sheet');
  const scale = parseFloat(document.getElementById('page-preview').dataset.scale);
  return parseFloat(getComputedStyle(sheet).fontSize) * scale;
}"""


def test_write_with_a_readable_preview_a_photo_first_and_co_authors(page, school, staff, tmp_path):
    colleagues = [
        StaffFactory(school=school, full_name=f"Colleague {n:02d}", role=Role.TEACHER)
        for n in range(35)
    ]
    cook = StaffFactory(school=school, full_name="Zainab Cook", role=Role.SUPPORT)
    sign_in(page, staff)
    page.set_viewport_size(LAPTOP)
    page.goto("/scrapbook/write/")
    expect_accessible(page)

    # The text comes before the long list of colleagues.
    what_i_did = page.get_by_label("What I did").bounding_box()
    picker = page.get_by_label("Find a colleague").bounding_box()
    assert what_i_did["y"] < picker["y"]

    page.get_by_label("Title").fill("Sentence stems at the lunch counter")
    page.get_by_label("What I did").fill("I gave each pair **sentence stems** to order lunch.")
    preview = page.locator("#page-preview")
    expect(preview).to_contain_text("Sentence stems at the lunch counter")
    # Beside the editor, at a size that reads like the page (print sizes, scaled to fit).
    form_box = page.locator("form[data-budget]").bounding_box()
    preview_box = preview.bounding_box()
    assert preview_box["x"] > form_box["x"] + form_box["width"] - 1
    assert preview_box["width"] >= 560, preview_box
    assert page.evaluate(EFFECTIVE_BODY_PX) >= 10
    # Sticky: typing far down the form, the preview is still on screen.
    page.get_by_label("Try it yourself").fill("- Start with two stems\n- Model them yourself")
    page.get_by_label("Try it yourself").scroll_into_view_if_needed()
    box = page.locator(".page-preview-wrap").bounding_box()
    assert 0 <= box["y"] <= 40 and box["y"] + box["height"] <= LAPTOP["height"], box
    expect(preview).to_contain_text("Model them yourself")
    page.screenshot(path=str(SCREENSHOTS / "scrapbook-editor-sticky-preview.png"))

    # Real size on request.
    page.get_by_role("button", name="Show at real size").click()
    expect(page.get_by_role("button", name="Fit to the column")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert preview.get_attribute("data-scale") == "1.000"
    page.get_by_role("button", name="Fit to the column").click()

    # Co-authors: type to narrow 36 names to one, tick it.
    page.get_by_label("Find a colleague").fill("zain")
    expect(page.locator("#coauthor-count")).to_have_text("1 of 36 colleagues shown")
    expect(page.get_by_label("Colleague 07")).to_be_hidden()
    page.get_by_label("Zainab Cook").check()
    expect(page.locator(".coauthor-chosen")).to_have_text("Chosen: Zainab Cook")
    page.get_by_label("Find a colleague").press("Enter")  # does not send the form
    page.get_by_label("Find a colleague").fill("")
    expect(page.get_by_label("Colleague 07")).to_be_visible()
    screenshot(page, "scrapbook-editor-desktop")

    # A photo before the first save: the draft is saved on the way, then back to writing.
    photo = tmp_path / "counter.jpg"
    photo.write_bytes(photo_bytes(label="Lunch counter"))
    page.get_by_role("button", name="Save and add a photo").click()
    expect_accessible(page)
    expect(page.get_by_role("heading", name="Add a photo")).to_be_visible()
    page.locator("#id_upload").set_input_files(str(photo))
    page.get_by_label("Alt text").fill("Sentence-stem cards on the lunch counter")
    page.get_by_role("button", name="Add photo").click()
    expect(page.get_by_role("heading", name="Edit your article")).to_be_visible()
    expect_accessible(page)
    expect(page.locator("#page-preview img.pp-photo")).to_have_count(1)
    article = Article.objects.get()
    assert list(article.co_authors.all()) == [cook]
    assert article.images.count() == 1 and len(colleagues) == 35

    # On a phone the preview sits below the text, at real size (readable; it scrolls).
    page.set_viewport_size(PHONE)
    page.reload()
    expect_accessible(page)
    form_box = page.locator("form[data-budget]").bounding_box()
    preview_box = preview.bounding_box()
    assert preview_box["y"] >= form_box["y"] + form_box["height"]
    assert page.evaluate(EFFECTIVE_BODY_PX) >= 13
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    preview.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "scrapbook-editor-phone-preview.png"))
    screenshot(page, "scrapbook-editor-phone-full", phone=True)
