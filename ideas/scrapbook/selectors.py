"""What the scrapbook adds to hub's weekly digest."""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType

from hub.models import AuditEntry, Status
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
