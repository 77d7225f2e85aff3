"""Writes for the Thinking Thursday rota: closures, opt-outs, generation, edits.

Swap requests between colleagues are in `swaps.py`.
"""

from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max

from hub.content import school_changed
from hub.models import AuditEntry, NoticeKind, School, Staff
from hub.notifications import notify
from ideas.thursday.models import Closure, RotaOptOut, RotaTurn, TurnState
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


def closure_add(*, school: School, first_day: date, last_day: date | None, reason: str) -> Closure:
    """Record one closure (a holiday is one row); it may not overlap another."""
    last_day = last_day or first_day
    if last_day < first_day:
        raise ValidationError("The last day must be on or after the first day.")
    if last_day - first_day > MAX_CLOSURE_SPAN:
        raise ValidationError("A closure can be up to 120 days long. Add a longer one in parts.")
    with transaction.atomic():
        # Two moderators adding overlapping holidays at once queue up on the school row.
        School.objects.select_for_update().get(pk=school.pk)
        clash = Closure.objects.filter(
            school=school, first_day__lte=last_day, last_day__gte=first_day
        ).first()
        if clash:
            raise ValidationError(f"That overlaps “{clash}”. Remove it first or choose other days.")
        closure = Closure(
            school=school, first_day=first_day, last_day=last_day, reason=reason.strip()
        )
        closure.full_clean()
        closure.save()
        school_changed(school.pk)
    return closure


def closed_days(school: School, start: date, end: date) -> set[date]:
    """Every closed day from start to end (one query, however many holidays)."""
    spells = Closure.objects.filter(school=school, first_day__lte=end, last_day__gte=start)
    return {day for spell in spells for day in spell.days() if start <= day <= end}


def opt_out_add(
    *, school: School, staff: Staff, reason: str, chosen_by_self: bool = False
) -> RotaOptOut:
    if staff.school_id != school.pk:
        raise PermissionDenied("That colleague is not at this school.")
    opt_out = RotaOptOut(
        school=school, staff=staff, reason=reason.strip(), chosen_by_self=chosen_by_self
    )
    opt_out.full_clean()
    with transaction.atomic():
        opt_out.save()
        school_changed(school.pk)
    return opt_out


def opt_out_remove(*, staff: Staff) -> bool:
    """A colleague steps back onto the rota; True if they had been left out."""
    with transaction.atomic():
        deleted, _ = RotaOptOut.objects.filter(school_id=staff.school_id, staff=staff).delete()
        if deleted:
            school_changed(staff.school_id)
    return bool(deleted)


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
    dates = open_thursdays(
        max(start, today),
        end,
        {*closed_days(school, start, end), *kept_dates.values_list("date", flat=True)},
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
