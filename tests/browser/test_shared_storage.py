"""Files in a shared S3 bucket, in a real browser: a teacher adds a photo to an article,
colleagues see it, the school admin's PDF prints it (read by the worker through the
bucket), and another school's staff member gets "not found" for the photo's address."""

import io

from playwright.sync_api import expect
from pypdf import PdfReader

from hub.models import Status
from ideas.scrapbook.models import ArticleImage
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with, photo_bytes


def test_a_photo_in_the_bucket_is_shown_printed_and_kept_from_other_schools(
    page, on_s3, staff, moderator, school_admin, outsider, tmp_path
):
    article = ArticleFactory(author=staff, title="Sentence stems on the stairs")
    sign_in(page, staff, then_open=article.get_absolute_url())
    photo = tmp_path / "stairs.jpg"
    photo.write_bytes(photo_bytes(label="Stairs"))
    page.get_by_role("link", name="Add a photo").click()
    expect_accessible(page)
    page.locator("#id_upload").set_input_files(str(photo))
    page.get_by_label("Alt text").fill("Sentence stems stuck to the stairs")
    page.get_by_role("button", name="Add photo").click()
    expect(page.get_by_role("status")).to_contain_text("Photo added")
    expect_accessible(page)
    image = ArticleImage.objects.get()
    assert {image.image.name, image.print_image.name} <= on_s3.names()
    photo_url = f"/scrapbook/photos/{image.pk}/"
    sign_out(page)

    # Published, colleagues see the photo: the browser loads it through the view.
    type(article).objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    with page.expect_response(lambda response: response.url.endswith(photo_url)) as shown:
        sign_in(page, moderator, then_open=article.get_absolute_url())
    assert shown.value.status == 200 and shown.value.headers["content-type"] == "image/jpeg"
    expect(page.get_by_alt_text("Sentence stems stuck to the stairs")).to_be_visible()
    screenshot(page, "shared-storage-article")
    sign_out(page)

    # The school admin exports an edition; the worker prints the photo from the bucket.
    edition = edition_with([article], created_by=school_admin)
    sign_in(page, school_admin, then_open=edition.get_absolute_url())
    page.get_by_label("File").select_option("pdf")
    page.get_by_role("button", name="Export").click()
    expect_accessible(page)
    link = page.get_by_role("link", name="Download")
    expect(link).to_be_visible(timeout=30_000)
    with page.expect_download() as download:
        link.click()
    reader = PdfReader(io.BytesIO(download.value.path().read_bytes()))
    assert {image.data for pdf_page in reader.pages for image in pdf_page.images}
    sign_out(page)

    # Another school's staff member cannot reach it, even with its address.
    sign_in(page, outsider)
    response = page.goto(photo_url)
    assert response.status == 404
    expect_accessible(page)
