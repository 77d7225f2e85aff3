"""What the scrapbook adds to hub's weekly digest and to a person's My learning."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType

from hub.models import AuditEntry, Status
from hub.registry import LearningEntry
from ideas.scrapbook.models import Article

DIGEST_ARTICLES = 5


def approved_this_week(school, week_start: datetime, week_end: datetime) -> dict | None:
    """Scrapbook articles a moderator approved this week and still shared (two queries)."""
    approved_ids = AuditEntry.objects.filter(
        school=school,
        action="approve",
        content_type=ContentType.objects.get_for_model(Article),
        created_at__gte=week_start,
        created_at__lt=week_end,
    ).values("object_id")
    articles = list(
        Article.objects.filter(school=school, status=Status.PUBLISHED, pk__in=approved_ids)
        .select_related("author")
        .order_by("title")[:DIGEST_ARTICLES]
    )
    return {"articles": articles} if articles else None


def learning_entries(person, start: datetime, end: datetime) -> list[LearningEntry]:
    """My learning: the articles this person wrote, and the edition each is in (three
    queries). "What happened" is their own reflection on it."""
    articles = (
        Article.objects.filter(author_id=person.pk, created_at__gte=start, created_at__lt=end)
        .exclude(status__in=(Status.DRAFT, Status.HIDDEN))
        .prefetch_related("tags", "edition_entries__edition")
    )
    entries = []
    for article in articles:
        editions = [entry.edition.title for entry in article.edition_entries.all()]
        where = f"for the scrapbook “{editions[0]}”" if editions else "for the scrapbook"
        entries.append(
            LearningEntry(
                when=article.created_at,
                kind="article",
                verb="Wrote",
                title=article.title,
                url=article.get_absolute_url(),
                reflection=article.what_happened,
                after=where,
                tags=tuple(tag.name for tag in article.tags.all()),
            )
        )
    return entries
