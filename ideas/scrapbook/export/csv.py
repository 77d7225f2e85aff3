"""A spreadsheet of an edition's articles: who wrote what, about which phase and subject."""

import csv
from pathlib import Path

from django.conf import settings

from ideas.scrapbook.export.contents import edition_articles
from ideas.scrapbook.models import Edition

HEADER = [
    "Position",
    "Title",
    "Author",
    "Co-authors",
    "Phase",
    "Year group or class",
    "Subject or area",
    "Tags",
    "Words",
    "Photos in print",
    "Submitted",
    "Link",
]


def _cell(value: str) -> str:
    """Neutralise spreadsheet formulas: a title like "=HYPERLINK(...)" stays text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def write_edition_csv(edition: Edition, target: Path) -> int:
    articles = edition_articles(edition)
    with open(target, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for number, article in enumerate(articles, start=1):
            writer.writerow(
                [
                    number,
                    _cell(article.title),
                    _cell(article.author.full_name),
                    _cell("; ".join(person.full_name for person in article.co_authors.all())),
                    article.get_phase_display(),
                    _cell(article.year_group),
                    _cell(article.subject_or_area),
                    _cell(", ".join(sorted(tag.name for tag in article.tags.all()))),
                    article.word_count(),
                    len(article.printable),
                    article.created_at.date().isoformat(),
                    f"{settings.SITE_URL.rstrip('/')}{article.get_absolute_url()}",
                ]
            )
    return len(articles)
