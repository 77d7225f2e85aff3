"""What learning lunches add to hub's dashboard and weekly digest."""

from datetime import datetime, timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from events.models import Lunch, SignUp, SignUpState

DIGEST_LOOKAHEAD = timedelta(days=21)
DIGEST_LUNCHES = 3


def attendance_counts(school, start: datetime, end: datetime) -> dict[int, int]:
    """Lunches each person came to (a confirmed place at a lunch that has started): one query."""
    rows = (
        SignUp.objects.filter(
            lunch__school=school,
            state=SignUpState.CONFIRMED,
            lunch__starts_at__gte=start,
            lunch__starts_at__lt=min(end, timezone.now()),
        )
        .values("staff_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["staff_id"]: row["n"] for row in rows}


def upcoming_with_free_places(school, week_start: datetime, week_end: datetime) -> dict | None:
    """The digest's lunches: the next few after this week ends that still have room."""
    confirmed = Count("sign_ups", filter=Q(sign_ups__state=SignUpState.CONFIRMED))
    lunches = list(
        Lunch.objects.filter(
            school=school, starts_at__gte=week_end, starts_at__lt=week_end + DIGEST_LOOKAHEAD
        )
        .annotate(free_places=F("capacity") - confirmed)
        .filter(free_places__gt=0)
        .order_by("starts_at")[:DIGEST_LUNCHES]
    )
    return {"lunches": lunches} if lunches else None
