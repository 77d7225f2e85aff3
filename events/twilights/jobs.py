"""Periodic jobs for twilights: what happens once an evening is over."""

from events.twilights.models import Twilight
from events.twilights.services import follow_up_twilight

BATCH = 50


def follow_up_twilights(now) -> None:
    """Presenters' ideas become network post-its and participants are asked which idea
    they will try, once per twilight (the service marks it under the twilight's lock)."""
    due = Twilight.objects.filter(ends_at__lte=now, followed_up_at__isnull=True)
    for twilight_id in due.order_by("ends_at").values_list("pk", flat=True)[:BATCH]:
        follow_up_twilight(twilight_id=twilight_id, now=now)
