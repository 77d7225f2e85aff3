"""Periodic lunch jobs, run every minute: each lunch is claimed once by a conditional
UPDATE on its reminded_at / followed_up_at, so reruns and parallel runners send nothing twice."""

import datetime as dt
import uuid

from django.db import transaction
from django.db.models import Q

from events.lunches.models import Lunch, Takeaway, TakeawayFollowUp
from events.lunches.tasks import send_lunch_follow_ups, send_lunch_reminders
from hub.content import schools_changed
from hub.models import NoticeKind, School, Status
from hub.notifications import notify_many

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


# At most this many people are asked per run; small enough for one INSERT on SQLite.
FOLLOW_UP_BATCH = 100


def ask_how_takeaways_went(now) -> int:
    """The school's follow_up_days after a takeaway ("one thing I'll try"): how did it go?

    Once per takeaway, in a few queries whatever the number due (bulk insert, read back
    this run's rows, one bulk notification insert).
    """
    intervals = School.objects.values_list("follow_up_days", flat=True).distinct()
    old_enough = Q(pk__in=[])
    for days in intervals:
        old_enough |= Q(school__follow_up_days=days, created_at__lte=now - dt.timedelta(days=days))
    due = list(
        Takeaway.objects.filter(
            old_enough, status=Status.PUBLISHED, author__is_active=True, follow_up__isnull=True
        )
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)[:FOLLOW_UP_BATCH]
    )
    if not due:
        return 0
    run = uuid.uuid4()
    with transaction.atomic():
        TakeawayFollowUp.objects.bulk_create(
            [TakeawayFollowUp(takeaway_id=pk, asked_at=now, run=run) for pk in due],
            ignore_conflicts=True,
        )
        mine = list(TakeawayFollowUp.objects.filter(run=run).select_related("takeaway__author"))
        # Only the schools this run asked at: every other school's fragments stay.
        schools_changed(follow_up.takeaway.school_id for follow_up in mine)
        notify_many(
            kind=NoticeKind.FOLLOW_UP,
            notices=[
                (
                    follow_up.takeaway.author,
                    follow_up,
                    f"After the learning lunch you said you would try “{follow_up.takeaway.text}”."
                    " How did it go?",
                )
                for follow_up in mine
            ],
        )
    return len(mine)
