"""What Thinking Thursday adds to hub's weekly digest."""

from datetime import datetime

from django.db.models import Count, Q
from django.utils import timezone

from hub.models import Status
from ideas.models import Question


def question_this_week(school, week_start: datetime, week_end: datetime) -> dict | None:
    """This week's published question with its reply count and summary (one query)."""
    question = (
        Question.objects.filter(
            school=school,
            status=Status.PUBLISHED,
            publish_at__gte=week_start,
            publish_at__lt=min(week_end, timezone.now()),
        )
        .select_related("author")
        .annotate(reply_count=Count("replies", filter=Q(replies__status=Status.PUBLISHED)))
        .order_by("-publish_at")
        .first()
    )
    return {"question": question} if question else None
