"""The print-ready A4 PDF of an edition, made with WeasyPrint.

Images are referenced by file:// URLs to their print-sized copies and fetched
by a url_fetcher that refuses anything outside MEDIA_ROOT and the static
folders, so an article can never make the server fetch a remote or private file.
"""

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML, URLFetcher

from ideas.scrapbook.export.contents import (
    article_sections,
    author_index,
    byline,
    cover_kicker,
    edition_articles,
)
from ideas.scrapbook.models import Edition

PRINT_CSS = "ideas/scrapbook/scrapbook-print.css"
PDF_VARIANT = "pdf/ua-1"


class FetchRefused(ValueError):
    pass


def _allowed_roots() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT).resolve()]
    roots += [Path(folder).resolve() for folder in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


class LocalFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher, limited to files under MEDIA_ROOT and the static folders."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.roots = _allowed_roots()

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme != "file":
            raise FetchRefused(f"Refused to fetch {url[:60]}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise FetchRefused(f"Refused to fetch {path}")
        return super().fetch(url, headers)


def file_url(field) -> str:
    return Path(field.path).resolve().as_uri() if field else ""


def edition_html(edition: Edition) -> str:
    """The edition as one HTML document laid out for print."""
    articles = edition_articles(edition)
    entries = [
        {
            "article": article,
            "byline": byline(article),
            "sections": article_sections(article),
            "photos": [(file_url(image.print_image), image) for image in article.printable],
        }
        for article in articles
    ]
    return render_to_string(
        "ideas/scrapbook/print/edition.html",
        {
            "edition": edition,
            "school": edition.school,
            "entries": entries,
            "authors": author_index(articles),
            "cover_url": file_url(edition.cover_image),
            "logo_url": file_url(edition.school.logo),
            "kicker": cover_kicker(edition),
        },
    )


def print_stylesheet() -> CSS:
    return CSS(filename=finders.find(PRINT_CSS), url_fetcher=LocalFilesFetcher())


def _claim_pdf_ua(document, pdf) -> None:
    """WeasyPrint states PDF/UA in the XMP metadata (pdfuaid:part); readers such as
    poppler's pdfinfo look for it in the document information too."""
    pdf.info["GTS_PDFUAVersion"] = pydyf.String("PDF/UA-1")


def write_edition_pdf(
    edition: Edition, target: Path, progress: Callable[[int], None] = lambda _: None
) -> int:
    """Render the edition to `target`; returns the number of pages."""
    html = edition_html(edition)
    progress(30)
    document = HTML(
        string=html, base_url=str(settings.MEDIA_ROOT), url_fetcher=LocalFilesFetcher()
    ).render(stylesheets=[print_stylesheet()])
    progress(80)
    # Tagged PDF/UA-1: a screen reader follows headings, lists and the photos' alt text;
    # the language (html lang) and title (<title>) are set in the document itself.
    document.write_pdf(target=str(target), pdf_variant=PDF_VARIANT, finisher=_claim_pdf_ua)
    return len(document.pages)
