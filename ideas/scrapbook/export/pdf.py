"""The print-ready A4 PDF of an edition, made with WeasyPrint.

Images are referenced by staffroom-file: URLs naming their print-sized copies and
read through the storage by a url_fetcher that refuses anything else but the
static folders, so an article can never make the server fetch a remote or
private file.
"""

import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

import pydyf
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from weasyprint import CSS, HTML, URLFetcher
from weasyprint.urls import URLFetcherResponse

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


# Photos, covers and logos are named by this scheme and read through the storage
# (the local disk or the bucket every server shares), never by a path on this machine.
STORED_SCHEME = "staffroom-file"
# Only the print-sized images an edition shows: never an export, a record or a handout.
PRINTED_FOLDERS = ("scrapbook/print/", "scrapbook/covers/", "schools/logos/")


# The edition's images are read before WeasyPrint asks for them one by one, this many
# at a time: from a bucket each read waits on the network, and an edition of 200
# articles holds 200 print images (10 s one after another at 50 ms each; 1.3 s so).
PARALLEL_READS = 8
STORED_SOURCES = re.compile(rf'src="{STORED_SCHEME}:([^"]+)"')


class FetchRefused(ValueError):
    pass


def _static_roots() -> list[Path]:
    roots = [Path(folder).resolve() for folder in settings.STATICFILES_DIRS]
    if settings.STATIC_ROOT:
        roots.append(Path(settings.STATIC_ROOT).resolve())
    return roots


class StoredFilesFetcher(URLFetcher):
    """WeasyPrint's fetcher, limited to the printed images in the storage and to files
    in the static folders (the print stylesheet's)."""

    def __init__(self):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.roots = _static_roots()
        self.read_ahead: dict[str, bytes] = {}

    def read_ahead_for(self, html: str) -> None:
        """Read every stored image `html` shows, several at a time (PARALLEL_READS)."""
        names = {unquote(name) for name in STORED_SOURCES.findall(html)}
        names = sorted(name for name in names if _may_print(name))
        with ThreadPoolExecutor(max_workers=PARALLEL_READS) as pool:
            contents = zip(names, pool.map(_read_if_there, names), strict=True)
            self.read_ahead.update((name, data) for name, data in contents if data is not None)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == STORED_SCHEME:
            return self._fetch_stored(url, unquote(parts.path))
        if parts.scheme != "file":
            raise FetchRefused(f"Refused to fetch {url[:60]}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise FetchRefused(f"Refused to fetch {path}")
        return super().fetch(url, headers)

    def _fetch_stored(self, url: str, name: str) -> URLFetcherResponse:
        if not _may_print(name):
            raise FetchRefused(f"Refused to fetch {url[:80]}")
        content = self.read_ahead.get(name)
        return URLFetcherResponse(url, content if content is not None else _read_stored(name))


def _may_print(name: str) -> bool:
    return ".." not in PurePosixPath(name).parts and name.startswith(PRINTED_FOLDERS)


def _read_stored(name: str) -> bytes:
    with default_storage.open(name, "rb") as source:
        return source.read()


def _read_if_there(name: str) -> bytes | None:
    """A photo deleted since the page was laid out is left out, as WeasyPrint leaves out
    any image it cannot fetch, rather than failing the whole edition."""
    try:
        return _read_stored(name)
    except FileNotFoundError:
        return None


def file_url(field) -> str:
    return f"{STORED_SCHEME}:{quote(field.name)}" if field else ""


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
    return CSS(filename=finders.find(PRINT_CSS), url_fetcher=StoredFilesFetcher())


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
    # No base URL: a relative link in an article resolves to nothing, so fetches nothing.
    fetcher = StoredFilesFetcher()
    fetcher.read_ahead_for(html)
    document = HTML(string=html, url_fetcher=fetcher).render(stylesheets=[print_stylesheet()])
    progress(80)
    # Tagged PDF/UA-1: a screen reader follows headings, lists and the photos' alt text;
    # the language (html lang) and title (<title>) are set in the document itself.
    document.write_pdf(target=str(target), pdf_variant=PDF_VARIANT, finisher=_claim_pdf_ua)
    return len(document.pages)
