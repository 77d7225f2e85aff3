"""Bulk inserts for network-scale data (manage.py seed_scale), never for user requests."""

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from django.db import models
from django.utils import timezone

BATCH_SIZE = 2000


@contextmanager
def _timestamps_as_given(model: type[models.Model]) -> Iterator[None]:
    """Let bulk_create keep the historic created_at/updated_at we set.

    auto_now/auto_now_add would overwrite them with "now", which would put
    150 weeks of history into one afternoon.
    """
    fields = [
        field
        for field in model._meta.concrete_fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    saved = [(field, field.auto_now, field.auto_now_add) for field in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def bulk_insert(model: type[models.Model], objs: Sequence[models.Model]) -> list:
    """Insert in batches, keeping given timestamps (missing ones become now); returns
    the objects with their primary keys set (PostgreSQL and SQLite both return them)."""
    if not objs:
        return []
    now = timezone.now()
    with _timestamps_as_given(model):
        for field in model._meta.concrete_fields:
            if isinstance(field, models.DateTimeField) and not field.null:
                for obj in objs:
                    if getattr(obj, field.attname) is None:
                        setattr(obj, field.attname, now)
        return model.objects.bulk_create(objs, batch_size=BATCH_SIZE)


def moment_in(day: date, rng: random.Random, zone, *, not_after: datetime) -> datetime:
    """A school-hours moment on `day` in the school's zone, never later than `not_after`."""
    moment = datetime.combine(day, time(rng.randint(7, 17), rng.randint(0, 59)), tzinfo=zone)
    return min(moment, not_after - timedelta(minutes=1))


def weekday_of(monday: date, rng: random.Random) -> date:
    return monday + timedelta(days=rng.randint(0, 4))


def sentence(rng: random.Random, parts: Sequence[Sequence[str]]) -> str:
    """One sentence picked from lists of fragments, so rows differ without a corpus."""
    return " ".join(rng.choice(options) for options in parts)
