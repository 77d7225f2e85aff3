"""The PDF for governors and the Word version: the same pages in the same order (cover
with the school's logo, foreword on its own page, contents, articles, index), A4,
running header and page numbers, real lists, and a tagged PDF/UA-1 file."""

import zipfile

import pytest
from django.core.files.base import ContentFile
from docx import Document
from pypdf import PdfReader

from hub.models import Status
from hub.people.demo import demo_logo
from ideas.scrapbook.export.docx import write_edition_docx
from ideas.scrapbook.export.pdf import edition_html, write_edition_pdf
from tests.ideas.scrapbook.factories import ArticleFactory, edition_with


@pytest.fixture
def edition(school, staff, school_admin):
    school.logo.save("logo.png", ContentFile(demo_logo()))
    articles = [
        ArticleFactory(
            author=staff,
            status=Status.PUBLISHED,
            title=f"Idea number {n}",
            what_i_did=(
                "Two steps:\n\n1. Ask **one** question\n2. Wait\n\nThen:\n\n- listen\n- note"
            ),
            try_it_yourself="1. Start small\n2. Share it",
        )
        for n in range(2)
    ]
    return edition_with(
        articles,
        created_by=school_admin,
        title="Autumn 2026",
        foreword="Welcome, governors.\n\nThank you all.",
    )


def page_texts(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_the_pdf_has_the_logo_and_the_foreword_on_its_own_page_before_the_contents(
    edition, tmp_path
):
    pages = write_edition_pdf(edition, tmp_path / "e.pdf")
    texts = page_texts(tmp_path / "e.pdf")
    assert pages == len(texts) == 6  # cover, foreword, contents, 2 articles, index
    assert "Welcome, governors." in texts[1] and "Contents" not in texts[1]
    assert texts[2].startswith(("Oakfield", "Contents")) and "Contents" in texts[2]
    assert "Idea number 0" in texts[3] and "Index of authors" in texts[5]
    html = edition_html(edition)
    assert 'class="cover-logo"' in html and "Oakfield Primary School logo" in html
    assert "Good Ideas Scrapbook</p>" in html


def test_the_series_line_is_left_out_when_the_title_says_it(edition):
    edition.title = "Our Good Ideas Scrapbook, autumn 2026"
    html = edition_html(edition)
    assert 'class="cover-kicker"' not in html


def test_the_pdf_is_tagged_pdf_ua_with_its_language_and_title(edition, tmp_path):
    write_edition_pdf(edition, tmp_path / "e.pdf")
    reader = PdfReader(tmp_path / "e.pdf")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Autumn 2026 — Oakfield Primary School"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp
    # Where poppler's pdfinfo reads it ("PDF subtype: PDF/UA-1").
    assert reader.metadata["/GTS_PDFUAVersion"] == "PDF/UA-1"


def test_the_word_version_is_a4_with_header_page_numbers_and_the_pdfs_order(edition, tmp_path):
    write_edition_docx(edition, tmp_path / "e.docx")
    document = Document(tmp_path / "e.docx")
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.different_first_page_header_footer  # no header on the cover
    assert section.header.paragraphs[0].text == "Oakfield Primary School\tAutumn 2026"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and footer.count("w:fldCharType") == 3
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == [
        "Foreword",
        "Contents",
        "Idea number 0",
        "Idea number 1",
        "Index of authors",
    ]
    assert all(
        p.paragraph_format.page_break_before
        for p in document.paragraphs
        if p.style.name == "Heading 1"
    )
    with zipfile.ZipFile(tmp_path / "e.docx") as archive:
        assert archive.read("word/media/image1.png")  # the logo on the cover


def test_markdown_lists_become_real_word_lists_numbered_from_one_each_time(edition, tmp_path):
    write_edition_docx(edition, tmp_path / "e.docx")
    document = Document(tmp_path / "e.docx")
    items = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("List")]
    assert items[:6] == [
        ("List Number", "Ask one question"),
        ("List Number", "Wait"),
        ("List Bullet", "listen"),
        ("List Bullet", "note"),
        ("List Number", "Start small"),
        ("List Number", "Share it"),
    ]
    numbered = [p for p in document.paragraphs if p.style.name == "List Number"]
    num_ids = [p._p.pPr.numPr.numId.val for p in numbered]
    # Each numbered list has its own numbering, restarted at 1.
    assert num_ids[0] == num_ids[1] and num_ids[1] != num_ids[2] and num_ids[2] == num_ids[3]
    bold = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert "one" in bold


def test_the_edition_page_also_leaves_out_a_repeated_series_line(client_for, staff, edition):
    client = client_for(staff)
    page = client.get(edition.get_absolute_url()).content.decode()
    assert 'class="edition-kicker">Good Ideas Scrapbook' in page
    edition.title = "Good Ideas Scrapbook 2026"
    edition.save()
    page = client.get(edition.get_absolute_url()).content.decode()
    assert 'class="edition-kicker"' not in page
    assert "Alice Teacher (Teacher)" in page  # the contents credit what each author does
