"""Scheduling lunches, changing them, and the inputs and takeaways that belong to them."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from events.models import MAX_INPUTS_PER_LUNCH, Input, Lunch, SignUpState, Takeaway
from hub.models import Status


class LunchRefused(Exception):
    """The lunch is not in a state where this can happen (started, full, ended...)."""


def lunch_moments(school, date: dt.date, start: dt.time, end: dt.time):
    """The aware start and end instants of a lunch, on the school's wall clock."""
    zone = school.zone
    return (
        dt.datetime.combine(date, start, tzinfo=zone),
        dt.datetime.combine(date, end, tzinfo=zone),
    )


def _check_moments(starts_at, ends_at, *, now) -> None:
    errors = {}
    if ends_at <= starts_at:
        errors["end_time"] = "The lunch must end after it starts."
    if starts_at <= now:
        errors["date"] = "This date and time has already passed. Choose a time in the future."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def schedule_lunch(
    *, school, created_by, date, start_time, end_time, room, capacity, theme="", now=None
) -> Lunch:
    starts_at, ends_at = lunch_moments(school, date, start_time, end_time)
    _check_moments(starts_at, ends_at, now=now or timezone.now())
    lunch = Lunch(
        school=school,
        created_by=created_by,
        date=date,
        starts_at=starts_at,
        ends_at=ends_at,
        room=room.strip(),
        capacity=capacity,
        theme=theme.strip(),
    )
    lunch.full_clean()
    lunch.save()
    return lunch


def update_lunch(
    *, lunch_id: int, date, start_time, end_time, room, capacity, theme="", now=None
) -> Lunch:
    """Change a lunch; raising capacity promotes from the waitlist at once."""
    from events.services.signups import promote_waitlisted

    now = now or timezone.now()
    with transaction.atomic():
        lunch = Lunch.objects.select_for_update().select_related("school").get(pk=lunch_id)
        starts_at, ends_at = lunch_moments(lunch.school, date, start_time, end_time)
        if (starts_at, ends_at) != (lunch.starts_at, lunch.ends_at):
            _check_moments(starts_at, ends_at, now=now)
        confirmed = lunch.sign_ups.filter(state=SignUpState.CONFIRMED).count()
        if capacity < confirmed:
            raise ValidationError(
                {
                    "capacity": f"{confirmed} people are already coming, so the capacity "
                    f"can't go below {confirmed}. Ask some to cancel first."
                }
            )
        lunch.date, lunch.starts_at, lunch.ends_at = date, starts_at, ends_at
        lunch.room, lunch.capacity, lunch.theme = room.strip(), capacity, theme.strip()
        lunch.full_clean()
        lunch.save()
        promote_waitlisted(lunch, now=now)
    return lunch


def volunteer_input(*, lunch_id: int, author, title, kind, summary, link="", file=None) -> Input:
    """Offer a five-minute input; it waits for a moderator to confirm it.

    At most three inputs are live (waiting or confirmed) per lunch, checked under the
    lunch's row lock, so confirming can never overfill the slots."""
    with transaction.atomic():
        lunch = Lunch.objects.select_for_update().get(pk=lunch_id)
        if lunch.has_started():
            raise LunchRefused("This lunch has started, so it takes no more inputs.")
        live = lunch.inputs.filter(status__in=[Status.SUBMITTED, Status.PUBLISHED]).count()
        if live >= MAX_INPUTS_PER_LUNCH:
            raise LunchRefused(
                "All three input slots for this lunch are taken. Try the next lunch!"
            )
        item = Input(
            lunch=lunch,
            school_id=lunch.school_id,
            author=author,
            status=Status.SUBMITTED,
            title=title.strip(),
            kind=kind,
            summary=summary.strip(),
            link=link,
        )
        if file:
            item.file = file
        item.full_clean()
        item.save()
    return item


@transaction.atomic
def add_resources(*, item: Input, link="", notes="", file=None) -> Input:
    item.link = link
    item.notes = notes.strip()
    if file:
        item.file = file
    item.full_clean()
    item.save(update_fields=["link", "notes", "file", "updated_at"])
    return item


@transaction.atomic
def add_takeaway(*, lunch: Lunch, author, text: str, now=None) -> Takeaway:
    if not lunch.has_ended(now):
        raise LunchRefused("Takeaways can be posted once the lunch is over.")
    takeaway = Takeaway(
        lunch=lunch,
        school_id=lunch.school_id,
        author=author,
        status=Takeaway.initial_status(author.school),
        text=text.strip(),
    )
    takeaway.full_clean()
    takeaway.save()
    return takeaway
