"""A Word version of an edition, for schools that want to edit it (python-docx)."""

from pathlib import Path

from docx import Document
from docx.shared import Cm, Pt

from ideas.scrapbook.export.contents import author_index, byline, edition_articles
from ideas.scrapbook.export.markdown import text_of_html
from ideas.scrapbook.models import Edition

PHOTO_WIDTH = {1: Cm(12), 2: Cm(7.5), 3: Cm(5)}


def write_edition_docx(edition: Edition, target: Path) -> int:
    """Write the edition to `target`; returns the number of articles."""
    articles = edition_articles(edition)
    document = Document()
    document.core_properties.title = edition.title
    document.core_properties.author = edition.school.name
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph("Good Ideas Scrapbook")
    document.add_heading(edition.title, level=0)
    document.add_paragraph(edition.school.name)
    if edition.cover_image:
        document.add_picture(edition.cover_image.path, width=Cm(15))
    if edition.foreword:
        document.add_heading("Foreword", level=1)
        for paragraph in edition.foreword.split("\n\n"):
            document.add_paragraph(paragraph.strip())
    document.add_heading("Contents", level=1)
    for number, article in enumerate(articles, start=1):
        document.add_paragraph(f"{number}. {article.title} — {article.author.name}")
    for article in articles:
        _add_article(document, article)
    document.add_page_break()
    document.add_heading("Index of authors", level=1)
    for author in author_index(articles):
        document.add_paragraph(
            f"{author.name}: " + "; ".join(article.title for article in author.articles)
        )
    document.save(str(target))
    return len(articles)


def _add_article(document, article) -> None:
    document.add_page_break()
    document.add_heading(article.title, level=1)
    document.add_paragraph(byline(article)).runs[0].bold = True
    if article.context_line():
        document.add_paragraph(article.context_line())
    photos = article.printable
    if photos:
        row = document.add_paragraph()
        for image in photos:
            row.add_run().add_picture(image.print_image.path, width=PHOTO_WIDTH[len(photos)])
            row.add_run(" ")
        captions = [image.caption for image in photos if image.caption]
        if captions:
            document.add_paragraph(" · ".join(captions)).runs[0].italic = True
    for label, html in article.sections():
        document.add_heading(label, level=2)
        for paragraph in text_of_html(html).split("\n\n"):
            document.add_paragraph(paragraph.strip())
