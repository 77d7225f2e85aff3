"""Writes for work-shadowing placements: keyword-only, validated, atomic.

A placement moves PROPOSED -> AGREED -> APPROVED (both heads), or to DECLINED or
WITHDRAWN. Each move is one conditional UPDATE on the state it comes from, so a double
click, two tabs or both people at once move it once; the second is told it already
happened (the function returns False) or why it cannot (ValidationError). Each move
tells the next person, with a link to the placement.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.content import school_changed
from hub.models import (
    NoticeKind,
    Placement,
    PlacementAsk,
    PlacementOffer,
    PlacementState,
    Staff,
)
from hub.models.placements import HOLDS_A_PLACE, LIVE_STATES
from hub.notifications import notify
from hub.placements.access import approves_for, heads_of
from hub.placements.matching import match
from hub.placements.selectors import side_of_ask, side_of_offer


def today_for(staff):
    return timezone.localdate(timezone=staff.school.zone)


def ask_create(
    *, staff, network, focus, tags, phases, cross_phase, earliest, latest, days, why
) -> PlacementAsk:
    with transaction.atomic():
        _lock(staff)
        same = PlacementAsk.objects.filter(
            network=network,
            staff=staff,
            focus=focus,
            earliest=earliest,
            latest=latest,
            is_open=True,
        ).first()
        if same is not None:  # the form sent twice
            return same
        ask = PlacementAsk(
            network=network,
            staff=staff,
            school_id=staff.school_id,
            focus=focus,
            phases=list(phases),
            cross_phase=cross_phase,
            earliest=earliest,
            latest=latest,
            days=days,
            why=why,
        )
        ask.full_clean()
        ask.save()
        ask.tags.set(tags)
    return ask


def offer_create(
    *, host, network, focus, tags, phase, available_from, available_until, days_note, capacity
) -> PlacementOffer:
    with transaction.atomic():
        _lock(host)
        same = PlacementOffer.objects.filter(
            network=network,
            host=host,
            focus=focus,
            available_from=available_from,
            available_until=available_until,
            is_open=True,
        ).first()
        if same is not None:  # the form sent twice
            return same
        offer = PlacementOffer(
            network=network,
            host=host,
            school_id=host.school_id,
            focus=focus,
            phase=phase,
            available_from=available_from,
            available_until=available_until,
            days_note=days_note,
            capacity=capacity,
        )
        offer.full_clean()
        offer.save()
        offer.tags.set(tags)
    return offer


def _lock(person) -> None:
    """Two copies of one form at once wait for each other; the second finds the first."""
    Staff.objects.select_for_update().filter(pk=person.pk).first()


def close_shared(*, item, by) -> bool:
    """The asker closes their ask, or the host their offer: it leaves the network's
    lists; placements already made stay as they are."""
    owner_id = item.staff_id if isinstance(item, PlacementAsk) else item.host_id
    if owner_id != by.pk:
        raise PermissionDenied("Only the colleague who shared it can close it.")
    return bool(type(item).objects.filter(pk=item.pk, is_open=True).update(is_open=False))


def placement_propose(*, by, ask, offer, starts_on, message="") -> tuple[Placement, bool]:
    """The asker proposes to a host, or the host to an asker. Returns the placement and
    whether it is new: the same proposal twice (or from both sides at once) is one."""
    if by.pk not in (ask.staff_id, offer.host_id):
        raise PermissionDenied("Only the colleague who asked or the host can propose.")
    if ask.network_id != offer.network_id or not (ask.is_open and offer.is_open):
        raise ValidationError("This ask or offer is closed: it can no longer be matched.")
    found = match(side_of_ask(ask), side_of_offer(offer))
    if found is None:
        raise ValidationError("This offer does not suit this ask.")
    _check_dates(ask, offer, starts_on, today_for(by))
    with transaction.atomic():
        existing = _live(ask, offer)
        if existing is not None:
            return existing, False
        placement = Placement(
            ask=ask,
            offer=offer,
            network_id=ask.network_id,
            visitor_id=ask.staff_id,
            host_id=offer.host_id,
            visitor_school_id=ask.school_id,
            host_school_id=offer.school_id,
            proposed_by=by,
            starts_on=starts_on,
            days=ask.days,
            message=message,
            cross_phase=found.cross_phase,
        )
        placement.full_clean(validate_constraints=False)
        try:
            with transaction.atomic():
                placement.save()
        except IntegrityError:  # both sides proposed at the same moment
            return _live(ask, offer), False
        other = offer.host if by.pk == ask.staff_id else ask.staff
        _tell(other, placement, f"{by.name} proposed a work-shadowing placement: {ask.focus}.")
    return placement, True


def _check_dates(ask, offer, starts_on, today) -> None:
    last_day = starts_on + timedelta(days=ask.days - 1)
    if starts_on <= today:
        raise ValidationError({"starts_on": "Choose a day after today."})
    first, last = max(ask.earliest, offer.available_from), min(ask.latest, offer.available_until)
    if starts_on < first or last_day > last:
        raise ValidationError(
            {
                "starts_on": f"Choose a first day from {first:%-d %B} so that "
                f"{'the day fits' if ask.days == 1 else f'all {ask.days} days fit'} "
                f"by {last:%-d %B %Y}."
            }
        )


def _live(ask, offer) -> Placement | None:
    return Placement.objects.filter(ask=ask, offer=offer, state__in=LIVE_STATES).first()


def placement_respond(*, placement, by, agree: bool) -> bool:
    """The side that did not propose agrees or declines. False: it was already done."""
    if by.pk not in (placement.visitor_id, placement.host_id):
        raise PermissionDenied("Only the two colleagues can answer a proposal.")
    if by.pk == placement.proposed_by_id:
        raise PermissionDenied("Your colleague answers your proposal.")
    target = PlacementState.AGREED if agree else PlacementState.DECLINED
    with transaction.atomic():
        if agree:
            # Lock the offer: two agreements at once cannot fill more places than it has.
            offer = PlacementOffer.objects.select_for_update().get(pk=placement.offer_id)
            taken = offer.placements.filter(state__in=HOLDS_A_PLACE).exclude(pk=placement.pk)
            if taken.count() >= offer.capacity:
                raise ValidationError("The host has no place left on this offer.")
        now = timezone.now()
        changes = {"agreed_at": now} if agree else {"ended_by": by, "ended_at": now}
        moved = Placement.objects.filter(pk=placement.pk, state=PlacementState.PROPOSED).update(
            state=target, **changes
        )
        if not moved:
            return _already(placement, target)
        placement.refresh_from_db()
        if agree:
            _tell(placement.proposed_by, placement, f"{by.name} agreed: now both heads approve.")
            for school_id in (placement.visitor_school_id, placement.host_school_id):
                for head in heads_of(school_id):
                    _tell(
                        head,
                        placement,
                        f"Please approve a work-shadowing placement for "
                        f"{placement.visitor.name} with {placement.host.name}.",
                    )
        else:
            _tell(placement.proposed_by, placement, f"{by.name} declined your proposal.")
    return True


def placement_decide(*, placement, by, approve: bool) -> bool:
    """A head approves (or declines) for their school. Approved when both have."""
    sides = [
        side
        for side, school_id in (
            ("visitor", placement.visitor_school_id),
            ("host", placement.host_school_id),
        )
        if approves_for(by, school_id)
    ]
    if not sides:
        raise PermissionDenied("Placements are approved by the two schools’ heads.")
    side = sides[0]
    now = timezone.now()
    with transaction.atomic():
        waiting = Placement.objects.filter(
            pk=placement.pk, state=PlacementState.AGREED, **{f"{side}_head_at__isnull": True}
        )
        if not approve:
            if not waiting.update(state=PlacementState.DECLINED, ended_by=by, ended_at=now):
                return _already(placement, PlacementState.DECLINED)
            for person in (placement.visitor, placement.host):
                _tell(person, placement, f"{by.name} could not approve the placement.")
            return True
        if not waiting.update(**{f"{side}_head": by, f"{side}_head_at": now}):
            return _already(placement, PlacementState.AGREED, side=side)
        # Both heads at once: each sets their own column, and whichever commits second
        # sees both (a new statement, a new snapshot) and makes it approved.
        approved = Placement.objects.filter(
            pk=placement.pk,
            state=PlacementState.AGREED,
            visitor_head_at__isnull=False,
            host_head_at__isnull=False,
        ).update(state=PlacementState.APPROVED, approved_at=now)
        placement.refresh_from_db()
        if approved:
            school_changed(placement.visitor_school_id)
            school_changed(placement.host_school_id)
            for person in (placement.visitor, placement.host):
                _tell(person, placement, "Both heads approved your work-shadowing placement.")
    return True


def placement_withdraw(*, placement, by) -> bool:
    """Either of the two withdraws, up to the day before it starts."""
    if by.pk not in (placement.visitor_id, placement.host_id):
        raise PermissionDenied("Only the two colleagues can withdraw.")
    if placement.starts_on <= today_for(by):
        raise ValidationError("The placement has started: it can no longer be withdrawn.")
    with transaction.atomic():
        moved = Placement.objects.filter(pk=placement.pk, state__in=LIVE_STATES).update(
            state=PlacementState.WITHDRAWN, ended_by=by, ended_at=timezone.now()
        )
        if not moved:
            return _already(placement, PlacementState.WITHDRAWN)
        placement.refresh_from_db()
        # An approved one was on both people's profiles.
        school_changed(placement.visitor_school_id)
        school_changed(placement.host_school_id)
        other = placement.host if by.pk == placement.visitor_id else placement.visitor
        _tell(other, placement, f"{by.name} withdrew from the work-shadowing placement.")
    return True


def _already(placement, target, side: str = "") -> bool:
    """Nothing moved: fine if it already stands where this would have taken it."""
    current = Placement.objects.get(pk=placement.pk)
    if current.state == target and (not side or getattr(current, f"{side}_head_at")):
        return False
    if side and current.state == PlacementState.APPROVED:
        return False
    raise ValidationError(
        f"This placement is now “{current.get_state_display().lower()}”: nothing was changed."
    )


def _tell(recipient, placement, message: str) -> None:
    notify(
        recipient=recipient,
        kind=NoticeKind.PLACEMENT,
        target=placement,
        email_template="notice",
        context={"message": message},
        message=message,
    )
