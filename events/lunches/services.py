"""Scheduling lunches, changing them, and the inputs and takeaways that belong to them."""

import datetime as dt
from pathlib import PurePosixPath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from events.lunches.models import (
    MAX_INPUTS_PER_LUNCH,
    CalendarFeed,
    DietaryNeeds,
    FollowUpAnswer,
    Input,
    Lunch,
    SignUp,
    SignUpState,
    Takeaway,
    TakeawayFollowUp,
)
from hub.content import school_changed
from hub.models import NoticeKind, Status, Visibility
from hub.networks.sharing import checked_visibility
from hub.notifications import notify


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


class SameTimeAsAnotherLunch(ValidationError):
    """Another lunch of the school starts at that very time: the organiser must say they
    mean it (a double-click, or a copy by two organisers, would otherwise split the staff)."""


def _check_no_lunch_at_the_same_time(school, starts_at, *, leave_out=None) -> None:
    others = Lunch.objects.filter(school=school, starts_at=starts_at)
    if leave_out is not None:
        others = others.exclude(pk=leave_out.pk)
    other = others.first()
    if other is not None:
        local = timezone.localtime(other.starts_at, school.zone)
        raise SameTimeAsAnotherLunch(
            f"“{other.theme or 'A learning lunch'}” in {other.room} already starts at "
            f"{local:%H:%M} on {local:%A %-d %B}. Tick the box to schedule this one as well."
        )


@transaction.atomic
def schedule_lunch(
    *,
    school,
    created_by,
    date,
    start_time,
    end_time,
    room,
    capacity,
    theme="",
    same_time_confirmed=False,
    now=None,
) -> Lunch:
    starts_at, ends_at = lunch_moments(school, date, start_time, end_time)
    _check_moments(starts_at, ends_at, now=now or timezone.now())
    if not same_time_confirmed:
        _check_no_lunch_at_the_same_time(school, starts_at)
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
    school_changed(lunch.school_id)
    return lunch


def update_lunch(
    *,
    lunch_id: int,
    date,
    start_time,
    end_time,
    room,
    capacity,
    theme="",
    same_time_confirmed=False,
    now=None,
) -> Lunch:
    """Change a lunch; raising capacity promotes from the waitlist at once."""
    from events.lunches.services import promote_waitlisted

    now = now or timezone.now()
    with transaction.atomic():
        lunch = Lunch.objects.select_for_update().select_related("school").get(pk=lunch_id)
        starts_at, ends_at = lunch_moments(lunch.school, date, start_time, end_time)
        if (starts_at, ends_at) != (lunch.starts_at, lunch.ends_at):
            _check_moments(starts_at, ends_at, now=now)
        if starts_at != lunch.starts_at and not same_time_confirmed:
            _check_no_lunch_at_the_same_time(lunch.school, starts_at, leave_out=lunch)
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
        school_changed(lunch.school_id)
    return lunch


def volunteer_input(
    *,
    lunch_id: int,
    author,
    title,
    kind,
    summary,
    link="",
    file=None,
    visibility: str = Visibility.SCHOOL,
) -> Input:
    """Offer a five-minute input; it waits for a moderator to confirm it.

    At most three inputs are live (waiting or confirmed) per lunch, checked under the
    lunch's row lock, so confirming can never overfill the slots. Its summary and
    slides may be opened to the school's networks (`visibility`)."""
    visibility = checked_visibility(author.school, visibility)
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
            visibility=visibility,
        )
        if file:
            _attach(item, file)
        item.full_clean()
        item.save()
        school_changed(item.school_id)
    return item


def _attach(item: Input, file) -> None:
    """Stored under a random name (RandomName); the name it came with is kept to show."""
    item.file = file
    item.file_label = PurePosixPath(file.name).name[:255]


@transaction.atomic
def add_resources(*, item: Input, link="", notes="", file=None) -> Input:
    item.link = link
    item.notes = notes.strip()
    if file:
        _attach(item, file)
    item.full_clean()
    item.save(update_fields=["link", "notes", "file", "file_label", "updated_at"])
    school_changed(item.school_id)
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
    school_changed(takeaway.school_id)
    return takeaway


def _locked_lunch(lunch_id: int) -> Lunch:
    return Lunch.objects.select_for_update().get(pk=lunch_id)


def _live_sign_up(lunch: Lunch, staff) -> SignUp | None:
    return lunch.sign_ups.filter(staff=staff).exclude(state=SignUpState.CANCELLED).first()


def sign_up(
    *,
    lunch_id: int,
    staff,
    plate: str = "",
    plate_kind: str = "",
    dietary_labels: list[str] | None = None,
    allergens: str = "",
    now=None,
) -> SignUp:
    """A place if there is one, else the end of the waitlist. Signing up again only
    updates what you'll bring."""
    now = now or timezone.now()
    with transaction.atomic():
        lunch = _locked_lunch(lunch_id)
        if lunch.has_started(now):
            raise LunchRefused("Sign-ups closed when this lunch started.")
        entry = _live_sign_up(lunch, staff)
        if entry is None:
            confirmed = lunch.sign_ups.filter(state=SignUpState.CONFIRMED).count()
            full = confirmed >= lunch.capacity
            entry = SignUp(
                lunch=lunch,
                staff=staff,
                # Taken under the lock, not before it: the waitlist is in lock order.
                created_at=timezone.now(),
                state=SignUpState.WAITLISTED if full else SignUpState.CONFIRMED,
            )
        entry.plate = plate.strip()
        entry.plate_kind = plate_kind
        entry.dietary_labels = sorted(set(dietary_labels or []))
        entry.allergens = allergens.strip()
        entry.full_clean()
        entry.save()
        school_changed(lunch.school_id)
    return entry


def cancel_sign_up(*, lunch_id: int, staff, now=None) -> SignUp:
    """Give up a place (or a waitlist spot); the first waitlisted person moves up."""
    now = now or timezone.now()
    with transaction.atomic():
        lunch = _locked_lunch(lunch_id)
        if lunch.has_started(now):
            raise LunchRefused("This lunch has started, so sign-ups can't change now.")
        entry = _live_sign_up(lunch, staff)
        if entry is None:
            raise LunchRefused("You are not signed up to this lunch.")
        entry.state = SignUpState.CANCELLED
        entry.cancelled_at = now
        entry.save(update_fields=["state", "cancelled_at"])
        promote_waitlisted(lunch, now=now)
        school_changed(lunch.school_id)
    return entry


def promote_waitlisted(lunch: Lunch, *, now) -> list[SignUp]:
    """Fill free places from the front of the waitlist and tell each person at once.

    Call only with the lunch row locked (two queries, plus one UPDATE per promotion)."""
    free = lunch.capacity - lunch.sign_ups.filter(state=SignUpState.CONFIRMED).count()
    if free <= 0 or lunch.has_started(now):
        return []
    promoted = list(
        lunch.sign_ups.filter(state=SignUpState.WAITLISTED)
        .select_related("staff")
        .order_by("created_at", "pk")[:free]
    )
    for entry in promoted:
        entry.state = SignUpState.CONFIRMED
        entry.promoted_at = now
        entry.save(update_fields=["state", "promoted_at"])
        notify(
            recipient=entry.staff,
            kind=NoticeKind.LUNCH,
            target=entry,
            email_template="lunch_promoted",
            context={"lunch": lunch, "sign_up": entry},
        )
    return promoted


@transaction.atomic
def save_dietary_needs(*, staff, text: str) -> DietaryNeeds:
    needs, _ = DietaryNeeds.objects.get_or_create(staff=staff)
    needs.text = text.strip()
    needs.full_clean()
    needs.save()
    # Organisers see the diets of the people coming to each lunch.
    school_changed(staff.school_id)
    return needs


@transaction.atomic
def reset_calendar_feed(*, staff) -> str:
    """A new secret feed token for this person; any old feed URL stops working."""
    token, token_hash = CalendarFeed.new_token()
    CalendarFeed.objects.update_or_create(staff=staff, defaults={"token_hash": token_hash})
    return token


@transaction.atomic
def revoke_calendar_feed(*, staff) -> None:
    CalendarFeed.objects.filter(staff=staff).delete()


def takeaway_follow_up_answer(
    *, takeaway: Takeaway, person, answer: str, reflection: str = ""
) -> TakeawayFollowUp:
    """ "How did it go?" about one's own takeaway: what happened, or "didn't get to it"."""
    if takeaway.author_id != person.pk:
        raise PermissionDenied("Only the colleague who said they would try it can answer.")
    with transaction.atomic():
        follow_up, _ = TakeawayFollowUp.objects.select_for_update().get_or_create(takeaway=takeaway)
        follow_up.answer = answer
        follow_up.reflection = reflection.strip() if answer == FollowUpAnswer.TRIED else ""
        follow_up.answered_at = timezone.now()
        follow_up.full_clean(exclude=["takeaway"])
        follow_up.save()
        school_changed(takeaway.school_id)
    return follow_up
