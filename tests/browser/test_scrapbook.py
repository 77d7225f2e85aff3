"""The scrapbook from writing to print: an article with a photo goes through
moderation (returned, fixed, approved), then an admin makes and exports an edition."""

import io

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.ideas.scrapbook.factories import photo_bytes


def test_an_article_goes_from_draft_to_a_printed_edition(
    page, staff, moderator, school_admin, tmp_path
):
    # The author writes an article and watches the page preview.
    sign_in(page, staff, then_open="/scrapbook/")
    page.get_by_role("link", name="Write an article").first.click()
    expect_accessible(page)
    page.get_by_label("Title").fill("Talk partners that really talk")
    page.get_by_label("Phase").select_option("ks2")
    page.get_by_label("Year group or class").fill("Year 4")
    page.get_by_label("Subject or area").fill("Maths")
    page.get_by_label("What I did").fill("I gave each pair **sentence stems** to start with.")
    page.get_by_label("What happened").fill("The quietest pupils explained their thinking first.")
    page.get_by_label("Try it yourself").fill("- Start with two stems\n- Model them yourself")
    expect(page.locator("#word-meter")).to_contain_text("fits on one page")
    expect(page.locator("#page-preview")).to_contain_text("Talk partners that really talk")
    screenshot(page, "scrapbook-editor")
    screenshot(page, "scrapbook-editor", phone=True)
    page.get_by_label("What happened").fill(" ".join(["word"] * 600))
    expect(page.locator("#word-meter")).to_contain_text("too many for one page")
    page.get_by_label("What happened").fill("The quietest pupils explained their thinking first.")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Talk partners that really talk")
    expect_accessible(page)
    article_url = page.url

    # ... adds a photo, then sends it to the moderators.
    photo = tmp_path / "display.jpg"
    photo.write_bytes(photo_bytes(label="Our maths display"))
    page.get_by_role("link", name="Add a photo").click()
    expect_accessible(page)
    page.locator("#id_upload").set_input_files(str(photo))
    page.get_by_label("Alt text").fill("A maths display of sentence stems on coloured card")
    page.get_by_label("Caption").fill("Our sentence-stem display")
    page.get_by_role("button", name="Add photo").click()
    expect(page.get_by_role("status")).to_contain_text("Photo added")
    expect_accessible(page)
    page.get_by_role("button", name="Send to the moderators").click()
    expect(page.get_by_text("Waiting for approval")).to_be_visible()
    expect_accessible(page)
    sign_out(page)

    # A moderator returns it with feedback.
    sign_in(page, moderator, then_open=article_url)
    page.get_by_label("Feedback for the author").fill("Lovely! Please add how you would start.")
    page.get_by_role("button", name="Return with feedback").click()
    expect(page.get_by_text("Please add how you would start.").first).to_be_visible()
    expect_accessible(page)
    sign_out(page)

    # The author sees the feedback, fixes the article and resubmits.
    sign_in(page, staff, then_open="/scrapbook/mine/")
    expect(page.get_by_text("Returned with feedback")).to_be_visible()
    page.get_by_role("link", name="Talk partners that really talk").click()
    expect_accessible(page)
    screenshot(page, "scrapbook-article-returned")
    page.get_by_role("link", name="Edit text").click()
    expect_accessible(page)
    page.get_by_label("Try it yourself").fill("- Start with two stems on day one\n- Model them")
    page.get_by_role("button", name="Save changes").click()
    expect_accessible(page)
    page.get_by_role("button", name="Send it back to the moderators").click()
    expect(page.get_by_text("Waiting for approval")).to_be_visible()
    expect_accessible(page)
    sign_out(page)

    # The moderator approves it.
    sign_in(page, moderator, then_open=article_url)
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status")).to_contain_text("approved")
    expect_accessible(page)
    sign_out(page)

    # The school admin makes an edition, adds the article and exports it.
    sign_in(page, school_admin, then_open="/scrapbook/editions/")
    page.get_by_role("link", name="Make a new edition").click()
    expect_accessible(page)
    page.get_by_label("Title").fill("Autumn term 2026")
    page.get_by_label("Foreword").fill("Thank you to everyone who shared what works.")
    page.get_by_label("Share with all staff").check()
    page.get_by_role("button", name="Save edition").click()
    expect_accessible(page)
    page.get_by_role("button", name="Add “Talk partners that really talk”").click()
    expect(page.locator("#chosen")).to_contain_text("Talk partners that really talk")
    expect_accessible(page)
    screenshot(page, "scrapbook-edition-edit")
    page.get_by_role("link", name="Back to the edition").click()
    expect(page.get_by_role("heading", name="Autumn term 2026")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "scrapbook-edition")
    screenshot(page, "scrapbook-edition", phone=True)
    page.get_by_label("File").select_option("pdf")
    page.get_by_role("button", name="Export").click()
    expect_accessible(page)
    download_link = page.get_by_role("link", name="Download")
    expect(download_link).to_be_visible(timeout=30_000)
    expect_accessible(page)
    screenshot(page, "scrapbook-export")
    with page.expect_download() as download_info:
        download_link.click()
    pdf = download_info.value.path().read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 5  # cover, foreword, contents, the article, author index
    text = reader.pages[3].extract_text()
    assert "Talk partners that really talk" in text and "By Alice Teacher (Teacher)" in text
    assert "Alice Teacher" in reader.pages[4].extract_text()


class QueuedOnly:
    """Stands in for the task so the export waits, as it would for a busy worker."""

    def enqueue(self, **kwargs):
        return None


def test_the_export_page_shows_progress_and_then_the_download(
    page, staff, school_admin, monkeypatch
):
    import ideas.scrapbook.tasks
    from hub.models import Status
    from ideas.scrapbook.models import EditionExport, ExportStatus
    from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, edition_with

    real_task = ideas.scrapbook.tasks.make_edition_export
    monkeypatch.setattr(ideas.scrapbook.tasks, "make_edition_export", QueuedOnly())
    article = ArticleFactory(author=staff, status=Status.PUBLISHED, title="Reading buddies")
    add_photo(article)
    edition = edition_with([article], created_by=school_admin, title="Spring term 2027")

    sign_in(page, school_admin, then_open=edition.get_absolute_url())
    page.get_by_role("button", name="Export").click()
    progress = page.locator("progress")
    expect(progress).to_have_attribute("value", "0")
    expect_accessible(page)

    job = EditionExport.objects.get()
    EditionExport.objects.filter(pk=job.pk).update(status=ExportStatus.RUNNING, progress=40)
    expect(progress).to_have_attribute("value", "40")  # htmx polled the new state
    expect(page.get_by_text("Being made… 40%")).to_be_visible()
    screenshot(page, "scrapbook-export-progress")

    EditionExport.objects.filter(pk=job.pk).update(status=ExportStatus.QUEUED, progress=0)
    real_task.enqueue(export_id=job.pk)
    expect(page.get_by_role("link", name="Download spring-term-2027.pdf")).to_be_visible()
    expect_accessible(page)
