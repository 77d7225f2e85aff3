"""Everyone's role, everywhere, and the edition as governors get it, in a real browser:
bylines carry job titles on the edition, the wall and the article; a co-author hears of
the celebration and lands on the article; the PDF (logo, foreword page, tagged PDF/UA)
and the Word file (A4, header, page numbers, real lists) are downloaded and read back."""

import io

from django.core.files.base import ContentFile
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from hub.models import Role, Status
from hub.people.demo import demo_logo
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, edition_with


def open_page(page, url: str) -> None:
    page.goto(url)
    expect_accessible(page)


def download(page, link_name: str) -> bytes:
    link = page.get_by_role("link", name=link_name)
    expect(link).to_be_visible(timeout=30_000)
    expect_accessible(page)
    with page.expect_download() as download_info:
        link.click()
    return download_info.value.path().read_bytes()


def export(page, edition, fmt: str) -> bytes:
    open_page(page, f"/scrapbook/editions/{edition.pk}/")
    page.get_by_label("File").select_option(fmt)
    page.get_by_role("button", name="Export").click()
    expect_accessible(page)
    return download(page, "Download")


def test_roles_reach_every_byline_and_the_exports_are_print_ready(
    page, moderator, school_admin, school
):
    school.logo.save("logo.png", ContentFile(demo_logo()))
    teacher = StaffFactory(
        school=school,
        full_name="Marcus Reid",
        display_name="Mr Reid",
        job_title="Year 5 teacher",
        password="correct-horse-battery",
    )
    cook = StaffFactory(
        school=school, full_name="Pete Russo", role=Role.SUPPORT, job_title="School cook"
    )
    article = ArticleFactory(
        author=teacher,
        status=Status.PUBLISHED,
        title="Soup and fractions",
        what_i_did="We cut **real vegetables** into halves and quarters:\n\n1. Carrots\n2. Leeks",
        try_it_yourself="- Ask the kitchen first\n- Keep portions small",
    )
    article.co_authors.add(cook)
    add_photo(article, label="Soup")
    edition = edition_with(
        [article],
        created_by=school_admin,
        title="Good Ideas Scrapbook: spring 2027",
        foreword="To our governors: this is what our staff tried this term.",
    )

    sign_in(page, moderator)
    open_page(page, f"/celebrate/ideas.article/{article.pk}/")
    page.get_by_label("A short note of thanks").fill("The whole kitchen joined in!")
    page.get_by_role("button", name="Celebrate").click()
    expect_accessible(page)
    open_page(page, "/celebrations/")
    card = page.locator(".celebration-card", has_text="Soup and fractions")
    expect(card).to_contain_text("by Mr Reid (Year 5 teacher) and Pete Russo (School cook)")
    screenshot(page, "celebration-wall-roles")
    screenshot(page, "celebration-wall-roles", phone=True)
    sign_out(page)

    sign_in(page, cook)
    open_page(page, "/notifications/")
    page.get_by_role("link", name="Soup and fractions").first.click()
    expect_accessible(page)
    assert page.url.endswith(article.get_absolute_url())
    expect(
        page.get_by_text("By Mr Reid (Year 5 teacher) and Pete Russo (School cook)")
    ).to_be_visible()
    screenshot(page, "article-byline-roles")
    screenshot(page, "article-byline-roles", phone=True)
    sign_out(page)

    sign_in(page, school_admin)
    open_page(page, f"/scrapbook/editions/{edition.pk}/")
    expect(page.get_by_text("By Mr Reid (Year 5 teacher) and Pete Russo")).to_be_visible()
    screenshot(page, "edition-roles")
    screenshot(page, "edition-roles", phone=True)

    pdf = PdfReader(io.BytesIO(export(page, edition, "pdf")))
    screenshot(page, "edition-export-ready")
    screenshot(page, "edition-export-ready", phone=True)
    texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) == 5  # cover, foreword, contents, the article, index
    assert texts[0].count("Good Ideas Scrapbook") == 1  # the title says it: no series line
    assert "To our governors" in texts[1] and "Contents" not in texts[1]
    assert "By Mr Reid (Year 5 teacher) and Pete Russo (School cook)" in texts[3]
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "en-GB" and "/StructTreeRoot" in root
    assert 'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data().decode()
    assert pdf.metadata.title.startswith("Good Ideas Scrapbook: spring 2027")
    # The school's logo (with its transparency mask); this edition has no cover photo.
    assert len(pdf.pages[0].images) >= 1

    word = Document(io.BytesIO(export(page, edition, "docx")))
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text.endswith("Good Ideas Scrapbook: spring 2027")
    assert "PAGE" in section.footer.paragraphs[0]._p.xml
    lists = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("List")]
    assert lists == [
        ("List Number", "Carrots"),
        ("List Number", "Leeks"),
        ("List Bullet", "Ask the kitchen first"),
        ("List Bullet", "Keep portions small"),
    ]
