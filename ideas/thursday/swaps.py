"""Swapping Thursdays by request: one colleague asks, the other accepts or declines.

Nothing moves until the colleague asked accepts, and only if both turns are
still as they were when asked (same posers, still planned, still ahead). A
request nobody answered by its expiry does nothing.
"""

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q

from hub.content import school_changed
from hub.models import NoticeKind, Staff
from hub.notifications import notify
from ideas.thursday.models import RotaTurn, SwapState, TurnState, TurnSwap

# Long enough to catch a part-time colleague's working days; short enough that
# an unanswered request does not hold a turn hostage.
ANSWER_WITHIN = timedelta(days=3)


def _still_swappable(turn: RotaTurn, today: date) -> bool:
    return turn.state == TurnState.PLANNED and turn.date >= today and not turn.questions.exists()


def swap_expiry(turns: list[RotaTurn], moment: datetime) -> datetime:
    """Three days, or the start of the earlier Thursday if that comes first."""
    earliest = min(turns, key=lambda turn: turn.date)
    start_of_day = datetime.combine(earliest.date, datetime.min.time(), tzinfo=earliest.school.zone)
    return min(moment + ANSWER_WITHIN, start_of_day)


def swap_request(*, turn: RotaTurn, other: RotaTurn, by: Staff, moment: datetime) -> TurnSwap:
    """Ask the colleague whose turn is `other` to exchange it for `turn`; they are told."""
    if by.pk != turn.staff_id:
        raise PermissionDenied("Only the colleague whose turn it is can ask for a swap.")
    if turn.school_id != other.school_id or by.school_id != turn.school_id:
        raise PermissionDenied("Turns can only be swapped within one school.")
    today = moment.astimezone(turn.school.zone).date()
    if other.staff_id == turn.staff_id:
        raise ValidationError("Choose a colleague’s turn, not one of your own.")
    if not (_still_swappable(turn, today) and _still_swappable(other, today)):
        raise ValidationError("Only upcoming turns with no question yet can be swapped.")
    if not other.staff.is_active:
        raise ValidationError("That colleague has left; ask a moderator to change the rota.")
    expires_at = swap_expiry([turn, other], moment)
    if expires_at <= moment:
        raise ValidationError("It is too late to ask: that Thursday is today. Ask a moderator.")
    try:
        with transaction.atomic():
            # A request left unanswered past its time no longer blocks a new one.
            TurnSwap.objects.filter(
                first_turn=turn, state=SwapState.PENDING, expires_at__lte=moment
            ).update(state=SwapState.EXPIRED)
            swap = TurnSwap.objects.create(
                school_id=turn.school_id,
                first_turn=turn,
                second_turn=other,
                first_staff_id=turn.staff_id,
                second_staff_id=other.staff_id,
                requested_by=by,
                expires_at=expires_at,
            )
    except IntegrityError:
        raise ValidationError(
            "You already asked someone to swap this turn. Withdraw that request first."
        ) from None
    notify(
        recipient=other.staff,
        kind=NoticeKind.THURSDAY,
        target=swap,
        email_template="thursday_swap_request",
        context={"swap": swap, "asker": by, "their_date": other.date, "offered_date": turn.date},
    )
    return swap


def swap_answer(*, swap: TurnSwap, by: Staff, answer: str, moment: datetime) -> TurnSwap:
    """Accept, decline (the colleague asked) or withdraw (the asker) an open request."""
    if answer in ("accept", "decline") and by.pk != swap.second_staff_id:
        raise PermissionDenied("Only the colleague who was asked can answer.")
    if answer == "cancel" and by.pk != swap.first_staff_id:
        raise PermissionDenied("Only the colleague who asked can withdraw the request.")
    if answer not in ("accept", "decline", "cancel"):
        raise ValidationError("Choose accept or decline.")
    with transaction.atomic():
        swap = TurnSwap.objects.select_for_update().select_related("school").get(pk=swap.pk)
        state = swap.state_at(moment)
        if state == SwapState.EXPIRED:
            # Left as stored: an expired request reads as expired wherever it is shown.
            raise ValidationError(
                f"This request expired at {swap.expiry_label()}, so nothing changed."
            )
        if state != SwapState.PENDING:
            raise ValidationError(
                f"This request was already {swap.get_state_display().lower()}; nothing changed."
            )
        if answer == "accept":
            _exchange(swap, moment)
        swap.state = {
            "accept": SwapState.ACCEPTED,
            "decline": SwapState.DECLINED,
            "cancel": SwapState.CANCELLED,
        }[answer]
        swap.answered_at = moment
        swap.save(update_fields=["state", "answered_at"])
    if answer in ("accept", "decline"):
        notify(
            recipient=swap.first_staff,
            kind=NoticeKind.THURSDAY,
            target=swap,
            email_template=f"thursday_swap_{swap.state}",
            context={"swap": swap, "colleague": swap.second_staff},
        )
    return swap


def _exchange(swap: TurnSwap, moment: datetime) -> None:
    """Give each colleague the other's Thursday (inside the caller's transaction)."""
    today = moment.astimezone(swap.school.zone).date()
    locked = RotaTurn.objects.select_for_update().in_bulk([swap.first_turn_id, swap.second_turn_id])
    first, second = locked.get(swap.first_turn_id), locked.get(swap.second_turn_id)
    unchanged = (
        first is not None
        and second is not None
        and first.staff_id == swap.first_staff_id
        and second.staff_id == swap.second_staff_id
    )
    if not unchanged or not (_still_swappable(first, today) and _still_swappable(second, today)):
        raise ValidationError(
            "The rota changed since this was asked (a turn moved, was written or has passed), "
            "so nothing changed."
        )
    first.staff_id, second.staff_id = swap.second_staff_id, swap.first_staff_id
    first.swapped_from = f"Swapped with {swap.first_staff.name}"[:200]
    second.swapped_from = f"Swapped with {swap.second_staff.name}"[:200]
    first.reminded_at = second.reminded_at = None
    RotaTurn.objects.bulk_update([first, second], ["staff", "swapped_from", "reminded_at"])
    school_changed(swap.school_id)


def open_requests_for(staff: Staff, moment: datetime) -> list[TurnSwap]:
    """Open, unexpired requests to or from `staff`, soonest Thursday first (one query)."""
    return list(
        TurnSwap.objects.filter(
            Q(first_staff=staff) | Q(second_staff=staff),
            state=SwapState.PENDING,
            expires_at__gt=moment,
        )
        .select_related("first_turn", "second_turn", "first_staff", "second_staff", "school")
        .order_by("expires_at")
    )
