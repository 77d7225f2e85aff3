"""Sign-ups as dependable as a ticketing system.

Every change of who holds a place happens with the lunch's row locked
(`select_for_update()` on PostgreSQL; an IMMEDIATE transaction on SQLite), so
concurrent requests from any number of processes queue up behind each other:
never over-booked, never a lost place, each waitlisted person promoted once.
"""

from django.db import transaction
from django.utils import timezone

from events.models import DietaryNeeds, Lunch, SignUp, SignUpState
from events.services.lunches import LunchRefused
from hub.notifications import notify


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
    return needs
