"""A spreadsheet of an edition's articles: who wrote what, about which phase and subject."""

from pathlib import Path

from django.conf import settings

from hub.lib import spreadsheet
from ideas.scrapbook.export.contents import edition_articles
from ideas.scrapbook.models import Edition

HEADER = [
    "Position",
    "Title",
    "Author",
    "Author's role",
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


def write_edition_csv(edition: Edition, target: Path) -> int:
    articles = edition_articles(edition)
    with open(target, "w", newline="", encoding="utf-8") as handle:
        # Every text cell made inert for spreadsheets (a title like " =HYPERLINK(...)"),
        # after the byte order mark that tells Excel the file is UTF-8.
        writer = spreadsheet.writer(handle)
        writer.writerow(HEADER)
        for number, article in enumerate(articles, start=1):
            writer.writerow(
                [
                    number,
                    article.title,
                    article.author.full_name,
                    article.author.role_title,
                    "; ".join(
                        f"{person.full_name} ({person.role_title})"
                        for person in article.co_authors.all()
                    ),
                    article.get_phase_display(),
                    article.year_group,
                    article.subject_or_area,
                    ", ".join(sorted(tag.name for tag in article.tags.all())),
                    article.word_count(),
                    len(article.printable),
                    article.created_at.date().isoformat(),
                    f"{settings.SITE_URL.rstrip('/')}{article.get_absolute_url()}",
                ]
            )
    return len(articles)
