"""What an edition holds, read once with everything the page and the exports show."""

from dataclasses import dataclass

from django.db.models import Prefetch

from hub.models import Status
from ideas.scrapbook.models import Article, ArticleImage, Edition


@dataclass(frozen=True)
class AuthorEntry:
    name: str
    articles: list


def edition_articles(edition: Edition) -> list[Article]:
    """The edition's approved articles in order, each with author, co-authors, tags and
    only its printable photos (a fixed number of queries, however many articles)."""
    articles = (
        Article.objects.filter(edition_entries__edition=edition, status=Status.PUBLISHED)
        .select_related("author")
        .prefetch_related(
            "co_authors",
            "tags",
            Prefetch("images", queryset=ArticleImage.objects.exportable(), to_attr="printable"),
        )
        .order_by("edition_entries__position", "edition_entries__pk")
    )
    return list(articles)


def author_index(articles: list[Article]) -> list[AuthorEntry]:
    """Everyone who wrote or co-wrote an article, by name, with their articles."""
    by_name: dict[str, list] = {}
    for article in articles:
        for person in [article.author, *article.co_authors.all()]:
            # Sorted by full name; the name colleagues know them by follows if different.
            label = person.full_name
            if person.display_name and person.display_name != person.full_name:
                label = f"{person.full_name} ({person.display_name})"
            label = f"{label} — {person.role_title}"
            by_name.setdefault(label, []).append(article)
    return [AuthorEntry(name, by_name[name]) for name in sorted(by_name, key=str.casefold)]


def byline(article: Article) -> str:
    """ "By Mr Reid (Year 5 teacher) and Pete Russo (School cook)": names with what they do."""
    names = [person.credit for person in article.credited_people()]
    if len(names) == 1:
        return f"By {names[0]}"
    return "By " + ", ".join(names[:-1]) + " and " + names[-1]


SERIES_NAME = "Good Ideas Scrapbook"


def cover_kicker(edition: Edition) -> str:
    """The series line above the title, left out when the title already says it."""
    if SERIES_NAME.casefold() in edition.title.casefold():
        return ""
    return SERIES_NAME


def article_sections(article: Article) -> list[tuple[str, str]]:
    """The article's written sections as (heading, sanitised HTML), empty ones left out."""
    return article.sections()
