"""A Word version of an edition, for schools that want to edit it (python-docx).

The same pages in the same order as the PDF: cover (logo, title, school, photo),
foreword on its own page, contents, one article a page, the index of authors;
A4, a running header and page numbers.
"""

import io
from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

from ideas.scrapbook.export.contents import (
    author_index,
    byline,
    cover_kicker,
    edition_articles,
)
from ideas.scrapbook.export.docx_blocks import add_html, set_up_a4
from ideas.scrapbook.models import Edition

PHOTO_WIDTH = {1: Cm(12), 2: Cm(7.5), 3: Cm(5)}
LOGO_WIDTH = Cm(3)


def write_edition_docx(edition: Edition, target: Path) -> int:
    """Write the edition to `target`; returns the number of articles."""
    articles = edition_articles(edition)
    school = edition.school
    document = Document()
    document.core_properties.title = edition.title
    document.core_properties.author = school.name
    document.core_properties.language = "en-GB"
    document.styles["Normal"].font.size = Pt(11)
    set_up_a4(document, school=school.name, edition=edition.title)

    _add_cover(document, edition, article_count=len(articles))
    if edition.foreword.strip():
        _heading_on_new_page(document, "Foreword")
        for paragraph in edition.foreword.split("\n\n"):
            if paragraph.strip():
                document.add_paragraph(paragraph.strip())
    _heading_on_new_page(document, "Contents")
    for number, article in enumerate(articles, start=1):
        document.add_paragraph(f"{number}. {article.title} — {article.author.credit}")
    document.add_paragraph("Index of authors")
    for article in articles:
        _add_article(document, article)
    _heading_on_new_page(document, "Index of authors")
    for author in author_index(articles):
        document.add_paragraph(
            f"{author.name}: " + "; ".join(article.title for article in author.articles)
        )
    document.save(str(target))
    return len(articles)


def _stored(file) -> io.BytesIO:
    """The image's bytes read through its storage (the local disk or the shared bucket)."""
    with file.open("rb") as source:
        return io.BytesIO(source.read())


def _heading_on_new_page(document, text: str) -> None:
    # "Page break before" rather than a break character: no empty line tops the page.
    document.add_heading(text, level=1).paragraph_format.page_break_before = True


def _add_cover(document, edition: Edition, *, article_count: int) -> None:
    school = edition.school
    if school.logo:
        document.add_picture(_stored(school.logo), width=LOGO_WIDTH)
    kicker = cover_kicker(edition)
    if kicker:
        document.add_paragraph(kicker.upper()).runs[0].bold = True
    document.add_heading(edition.title, level=0)
    document.add_paragraph(school.name).runs[0].font.size = Pt(15)
    if edition.cover_image:
        document.add_picture(_stored(edition.cover_image), width=Cm(15))
    plural = "" if article_count == 1 else "s"
    document.add_paragraph(f"{article_count} article{plural} by our staff")


def _add_article(document, article) -> None:
    _heading_on_new_page(document, article.title)
    document.add_paragraph(byline(article)).runs[0].bold = True
    if article.context_line():
        document.add_paragraph(article.context_line())
    photos = article.printable
    if photos:
        row = document.add_paragraph()
        for image in photos:
            row.add_run().add_picture(_stored(image.print_image), width=PHOTO_WIDTH[len(photos)])
            row.add_run(" ")
        captions = [image.caption for image in photos if image.caption]
        if captions:
            document.add_paragraph(" · ".join(captions)).runs[0].italic = True
    for label, html in article.sections():
        document.add_heading(label, level=2)
        add_html(document, html)
