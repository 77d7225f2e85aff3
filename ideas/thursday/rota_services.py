"""Writes for the Thinking Thursday rota: closures, opt-outs, generation, edits, swaps."""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max

from hub.content import school_changed
from hub.models import AuditEntry, NoticeKind, School, Staff
from hub.notifications import notify
from ideas.thursday.models import ClosureDate, RotaOptOut, RotaTurn, TurnState, TurnSwap
from ideas.thursday.rota import Candidate, NoOpenThursdays, open_thursdays, plan_rota

MAX_CLOSURE_SPAN = timedelta(days=120)
MAX_ROTA_SPAN = timedelta(days=400)


def _audit(*, school: School, actor, turn: RotaTurn, action: str, reason: str = "") -> None:
    AuditEntry.objects.create(
        school=school,
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(RotaTurn),
        object_id=turn.pk,
        target_title=f"Thinking Thursday rota: {turn}"[:200],
        reason=reason[:500],
    )


def closure_dates_add(*, school: School, start: date, end: date | None, reason: str) -> int:
    """Record each day from start to end as closed; returns how many were new."""
    end = end or start
    if end < start:
        raise ValidationError("The last day must be on or after the first day.")
    if end - start > MAX_CLOSURE_SPAN:
        raise ValidationError("Add closures up to 120 days at a time.")
    existing = set(
        ClosureDate.objects.filter(school=school, date__range=(start, end)).values_list(
            "date", flat=True
        )
    )
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    new = [
        ClosureDate(school=school, date=day, reason=reason.strip())
        for day in days
        if day not in existing
    ]
    for closure in new:
        closure.full_clean(validate_unique=False)
    with transaction.atomic():
        ClosureDate.objects.bulk_create(new, ignore_conflicts=True)
        school_changed(school.pk)
    return len(new)


def opt_out_add(*, school: School, staff: Staff, reason: str) -> RotaOptOut:
    if staff.school_id != school.pk:
        raise PermissionDenied("That colleague is not at this school.")
    opt_out = RotaOptOut(school=school, staff=staff, reason=reason.strip())
    opt_out.full_clean()
    with transaction.atomic():
        opt_out.save()
        school_changed(school.pk)
    return opt_out


def _replaceable(school: School, start: date, end: date, today: date):
    """Turns in the range a new rota may redo: planned, unwritten, not in the past."""
    return RotaTurn.objects.filter(
        school=school,
        date__range=(max(start, today), end),
        state=TurnState.PLANNED,
        questions__isnull=True,
    )


def rota_plan(*, school: School, start: date, end: date, today: date) -> list[tuple[date, Staff]]:
    """The fair rota for the range, without saving it (the preview a moderator confirms)."""
    if end < start:
        raise ValidationError("The end of the range must be after its start.")
    if end - start > MAX_ROTA_SPAN:
        raise ValidationError("Plan up to a year at a time.")
    replaceable = _replaceable(school, start, end, today)
    kept_dates = RotaTurn.objects.filter(school=school, date__range=(start, end)).exclude(
        pk__in=replaceable.values("pk")
    )
    closed = ClosureDate.objects.filter(school=school, date__range=(start, end))
    dates = open_thursdays(
        max(start, today),
        end,
        {*closed.values_list("date", flat=True), *kept_dates.values_list("date", flat=True)},
    )
    if not dates:
        raise NoOpenThursdays(
            f"There are no open Thursdays from {start:%-d %B %Y} to {end:%-d %B %Y} "
            "(the school is closed, they are in the past, or they already have a poser). "
            "Choose a longer range or check the closure dates."
        )
    people = _candidates(school, excluding=replaceable)
    if not people:
        raise ValidationError("Nobody can be put on the rota: every colleague has opted out.")
    plan = plan_rota(dates, people)
    staff = Staff.objects.in_bulk([pk for _day, pk in plan])
    return [(day, staff[pk]) for day, pk in plan]


def _candidates(school: School, *, excluding) -> list[Candidate]:
    opted_out = RotaOptOut.objects.filter(school=school).values("staff_id")
    history = (
        RotaTurn.objects.filter(school=school)
        .counting_for_fairness()
        .exclude(pk__in=excluding.values("pk"))
        .values("staff_id")
        .annotate(turns=Count("pk"), last=Max("date"))
    )
    counts = {row["staff_id"]: (row["turns"], row["last"]) for row in history}
    active = (
        Staff.objects.filter(school=school, is_active=True)
        .exclude(pk__in=opted_out)
        .order_by("full_name", "pk")
    )
    return [
        Candidate(
            key=person.pk,
            name=person.full_name,
            turns_so_far=counts.get(person.pk, (0, None))[0],
            last_turn=counts.get(person.pk, (0, None))[1],
        )
        for person in active
    ]


def rota_generate(
    *, school: School, start: date, end: date, by: Staff, today: date, tell_posers: bool = True
) -> int:
    """Replace the range's unwritten future turns with a fair rota; returns turns made."""
    with transaction.atomic():
        # Lock the school row so two moderators generating at once queue up
        # (locking turns alone would not stop two first-ever rotas racing).
        School.objects.select_for_update().get(pk=school.pk)
        plan = rota_plan(school=school, start=start, end=end, today=today)
        _replaceable(school, start, end, today).delete()
        turns = RotaTurn.objects.bulk_create(
            [RotaTurn(school=school, date=day, staff=person) for day, person in plan]
        )
        turns_by_date = {turn.date: turn for turn in turns}
        first = RotaTurn.objects.get(school=school, date=plan[0][0])
        _audit(
            school=school,
            actor=by,
            turn=first,
            action="generate_rota",
            reason=f"{len(turns)} Thursdays from {start:%-d %b %Y} to {end:%-d %b %Y}",
        )
        school_changed(school.pk)
    for day, person in plan if tell_posers else []:
        # Only the next few weeks' posers hear now; the Monday reminder covers the rest.
        if (day - today).days <= 7 * 6:
            notify(
                recipient=person,
                kind=NoticeKind.THURSDAY,
                target=turns_by_date[day],
                email_template="thursday_turn_planned",
                context={"date": day, "school": school},
            )
    return len(turns)


def turn_update(*, turn: RotaTurn, staff: Staff, state: str, skip_reason: str, by: Staff) -> None:
    if staff.school_id != turn.school_id or not staff.is_active:
        raise ValidationError("Choose a current colleague at this school.")
    changed_poser = staff.pk != turn.staff_id
    if changed_poser and turn.questions.exists():
        raise ValidationError("This turn already has its question, so its poser stays.")
    with transaction.atomic():
        turn.staff = staff
        turn.state = state
        turn.skip_reason = skip_reason.strip() if state == TurnState.SKIPPED else ""
        if changed_poser:
            turn.reminded_at = None
            turn.swapped_from = ""
        turn.full_clean()
        turn.save()
        _audit(school=turn.school, actor=by, turn=turn, action="edit_turn", reason=turn.skip_reason)
        school_changed(turn.school_id)
    if changed_poser and state == TurnState.PLANNED:
        notify(
            recipient=staff,
            kind=NoticeKind.THURSDAY,
            target=turn,
            email_template="thursday_turn_planned",
            context={"date": turn.date, "school": turn.school},
        )


def turn_swap(*, turn: RotaTurn, other: RotaTurn, by: Staff, today: date) -> TurnSwap:
    """Two colleagues exchange Thursdays; both are told and the swap is recorded."""
    if by.pk not in (turn.staff_id, other.staff_id) and not by.is_moderator:
        raise PermissionDenied("Only the two colleagues or a moderator can swap these turns.")
    if turn.school_id != other.school_id or by.school_id != turn.school_id:
        raise PermissionDenied("Turns can only be swapped within one school.")
    with transaction.atomic():
        locked = RotaTurn.objects.select_for_update().in_bulk([turn.pk, other.pk])
        first, second = locked.get(turn.pk), locked.get(other.pk)
        for candidate in (first, second):
            if candidate is None or candidate.state != TurnState.PLANNED or candidate.date < today:
                raise ValidationError("Only upcoming turns with no question yet can be swapped.")
        if first.staff_id == second.staff_id:
            raise ValidationError("Choose a colleague’s turn, not one of your own.")
        first_staff, second_staff = first.staff, second.staff
        first.staff, second.staff = second_staff, first_staff
        first.swapped_from = f"Swapped with {first_staff.name}"[:200]
        second.swapped_from = f"Swapped with {second_staff.name}"[:200]
        first.reminded_at = second.reminded_at = None
        first.save(update_fields=["staff", "swapped_from", "reminded_at"])
        second.save(update_fields=["staff", "swapped_from", "reminded_at"])
        swap = TurnSwap.objects.create(
            school_id=first.school_id,
            first_turn=first,
            second_turn=second,
            first_staff=first_staff,
            second_staff=second_staff,
            requested_by=by,
        )
        school_changed(first.school_id)
    for person, new_turn, colleague in (
        (first_staff, second, second_staff),
        (second_staff, first, first_staff),
    ):
        new_date = new_turn.date
        notify(
            recipient=person,
            kind=NoticeKind.THURSDAY,
            target=new_turn,
            email_template="thursday_turn_swapped",
            context={"date": new_date, "colleague": colleague, "requested_by": by},
        )
    return swap
