"""Periodic lunch jobs, run every minute: each lunch is claimed once by a conditional
UPDATE on its reminded_at / followed_up_at, so reruns and parallel runners send nothing twice."""

import datetime as dt

from django.db import transaction

from events.lunches.models import Lunch
from events.lunches.tasks import send_lunch_follow_ups, send_lunch_reminders

REMIND_BEFORE = dt.timedelta(days=1)
# A follow-up long after the lunch (say the runner was down for weeks) would confuse.
FOLLOW_UP_WITHIN = dt.timedelta(days=3)


def _claim(lunches, field: str, now) -> list[int]:
    claimed = []
    for pk in lunches.values_list("pk", flat=True):
        if Lunch.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(**{field: now}):
            claimed.append(pk)
    return claimed


def remind_lunch_attendees(now) -> list[int]:
    """The day before: remind everyone coming and everyone presenting."""
    due = Lunch.objects.filter(
        reminded_at__isnull=True, starts_at__gt=now, starts_at__lte=now + REMIND_BEFORE
    )
    with transaction.atomic():
        claimed = _claim(due, "reminded_at", now)
        for pk in claimed:
            transaction.on_commit(lambda pk=pk: send_lunch_reminders.enqueue(lunch_id=pk))
    return claimed


def follow_up_lunches(now) -> list[int]:
    """After the lunch: presenters add slides or notes; attendees post a takeaway."""
    due = Lunch.objects.filter(
        followed_up_at__isnull=True, ends_at__lte=now, ends_at__gt=now - FOLLOW_UP_WITHIN
    )
    with transaction.atomic():
        claimed = _claim(due, "followed_up_at", now)
        for pk in claimed:
            transaction.on_commit(lambda pk=pk: send_lunch_follow_ups.enqueue(lunch_id=pk))
    return claimed
