"""Writes for twilights: scheduling, places (race-safe, as lunches do), the TeachMeet draw,
the Speed Learning table plan, and what happens afterwards."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from events.twilights import draw, table_plan
from events.twilights.models import (
    PlaceState,
    TablePlan,
    Twilight,
    TwilightDraw,
    TwilightKind,
    TwilightRole,
    TwilightSignUp,
)
from events.twilights.permissions import may_host_in, may_manage
from hub.content import schools_changed
from hub.lib.text import clean_plain_text
from hub.models import NoticeKind
from hub.notifications import notify_many
from hub.registry import network_post_its


class TwilightRefused(Exception):
    """The twilight is not in a state where this can happen (started, full, ended...)."""


def network_changed(twilight: Twilight) -> None:
    """A twilight shows on the pages of every school in its network."""
    ids = list(twilight.network.schools.values_list("pk", flat=True))
    schools_changed([*ids, twilight.host_school_id])


def twilight_moments(school, date: dt.date, start: dt.time, end: dt.time):
    """The aware start and end instants, on the host school's wall clock."""
    zone = school.zone
    return dt.datetime.combine(date, start, tzinfo=zone), dt.datetime.combine(
        date, end, tzinfo=zone
    )


def schedule_twilight(
    *,
    network,
    host_school,
    created_by,
    kind,
    title,
    date,
    start_time,
    end_time,
    capacity,
    presenter_cap,
    place="",
    online_link="",
    description="",
    rounds=3,
    now=None,
) -> Twilight:
    if not may_host_in(created_by, network, host_school):
        raise PermissionDenied("Only a member school's moderators or admins, or a lead, host.")
    starts_at, ends_at = twilight_moments(host_school, date, start_time, end_time)
    errors = {}
    if ends_at <= starts_at:
        errors["end_time"] = "The twilight must end after it starts."
    if starts_at <= (now or timezone.now()):
        errors["date"] = "This date and time has already passed. Choose a time in the future."
    if errors:
        raise ValidationError(errors)
    twilight = Twilight(
        network=network,
        host_school=host_school,
        created_by=created_by,
        kind=kind,
        title=clean_plain_text(title),
        description=clean_plain_text(description),
        date=date,
        starts_at=starts_at,
        ends_at=ends_at,
        place=clean_plain_text(place),
        online_link=online_link.strip(),
        capacity=capacity,
        presenter_cap=presenter_cap,
        rounds=rounds if kind == TwilightKind.SPEED_LEARNING else 1,
    )
    with transaction.atomic():
        twilight.full_clean()
        twilight.save()
        network_changed(twilight)
    return twilight


def _locked(twilight_id: int) -> Twilight:
    return Twilight.objects.select_for_update().select_related("network").get(pk=twilight_id)


def _live_place(twilight: Twilight, staff) -> TwilightSignUp | None:
    return twilight.sign_ups.filter(staff=staff).exclude(state=PlaceState.CANCELLED).first()


def sign_up(
    *,
    twilight_id: int,
    staff,
    role: str,
    idea_title: str = "",
    idea_summary: str = "",
    slot: str = "",
    now=None,
) -> TwilightSignUp:
    """A place if there is one. Participants beyond capacity join the waitlist; presenters
    beyond the cap are refused (they may take part instead). A second submit of the
    same sign-up changes nothing but the idea's words."""
    now = now or timezone.now()
    with transaction.atomic():
        twilight = _locked(twilight_id)
        if twilight.has_started(now):
            raise TwilightRefused("Sign-ups closed when this twilight started.")
        entry = _live_place(twilight, staff)
        if entry is not None and entry.role != role:
            raise TwilightRefused(
                "You already have a place with another role. Cancel it first to change."
            )
        if entry is None:
            # Taken under the lock, not before it: the waitlist is in lock order.
            entry = TwilightSignUp(
                twilight=twilight, staff=staff, role=role, created_at=timezone.now()
            )
            live = twilight.sign_ups.filter(role=role, state=PlaceState.CONFIRMED).count()
            if role == TwilightRole.PRESENTER:
                if live >= twilight.presenter_cap:
                    raise TwilightRefused(
                        "All the presenter slots are taken. You can still sign up to take part."
                    )
                entry.state = PlaceState.CONFIRMED
            else:
                full = live >= twilight.capacity
                entry.state = PlaceState.WAITLISTED if full else PlaceState.CONFIRMED
        if role == TwilightRole.PRESENTER:
            entry.idea_title = clean_plain_text(idea_title)
            entry.idea_summary = clean_plain_text(idea_summary)
            entry.slot = slot
        entry.full_clean()
        entry.save()
        network_changed(twilight)
    return entry


def cancel_sign_up(*, twilight_id: int, staff, now=None) -> TwilightSignUp:
    """Give up a place (or a waitlist spot); the first waitlisted participant moves up."""
    now = now or timezone.now()
    with transaction.atomic():
        twilight = _locked(twilight_id)
        if twilight.has_started(now):
            raise TwilightRefused("This twilight has started, so places can't change now.")
        entry = _live_place(twilight, staff)
        if entry is None:
            raise TwilightRefused("You don't have a place at this twilight.")
        entry.state = PlaceState.CANCELLED
        entry.cancelled_at = now
        entry.save(update_fields=["state", "cancelled_at"])
        promote_waitlisted(twilight, now=now)
        network_changed(twilight)
    return entry


def promote_waitlisted(twilight: Twilight, *, now) -> list[TwilightSignUp]:
    """Fill free participant places from the front of the waitlist; tell each person.
    Call only with the twilight's row locked."""
    confirmed = twilight.sign_ups.filter(
        role=TwilightRole.PARTICIPANT, state=PlaceState.CONFIRMED
    ).count()
    free = twilight.capacity - confirmed
    if free <= 0 or twilight.has_started(now):
        return []
    promoted = list(
        twilight.sign_ups.filter(state=PlaceState.WAITLISTED)
        .select_related("staff", "twilight")
        .order_by("created_at", "pk")[:free]
    )
    for entry in promoted:
        entry.state = PlaceState.CONFIRMED
        entry.promoted_at = now
        entry.save(update_fields=["state", "promoted_at"])
    notify_many(
        kind=NoticeKind.TWILIGHT,
        notices=[
            (entry.staff, entry, f"A place came free: you're coming to {twilight.title}.")
            for entry in promoted
        ],
    )
    return promoted


def draw_running_order(*, twilight_id: int, actor, now=None) -> TwilightDraw:
    """Draw the TeachMeet's running order at random (events.twilights.draw); a redraw is
    allowed only before the night and is kept on the record beside the first."""
    now = now or timezone.now()
    with transaction.atomic():
        twilight = _locked(twilight_id)
        if not may_manage(actor, twilight):
            raise PermissionDenied("Only the host school's organisers or a lead draw the order.")
        if not twilight.is_teachmeet:
            raise TwilightRefused("Only a TeachMeet has a running order to draw.")
        if twilight.has_started(now):
            raise TwilightRefused("The twilight has started: the running order stands.")
        presenters = list(
            twilight.sign_ups.filter(
                role=TwilightRole.PRESENTER, state=PlaceState.CONFIRMED
            ).values_list("pk", flat=True)
        )
        if not presenters:
            raise TwilightRefused("Nobody is presenting yet, so there is no order to draw.")
        seed = draw.new_seed()
        made = TwilightDraw.objects.create(
            twilight=twilight,
            drawn_by=actor,
            drawn_at=now,
            seed=seed,
            order=draw.running_order(presenters, seed),
        )
        network_changed(twilight)
    return made


def make_table_plan(*, twilight_id: int, actor, rounds: int, now=None) -> TablePlan:
    """Seat the participants for each round (events.twilights.table_plan); making it
    again replaces it, until the night."""
    now = now or timezone.now()
    with transaction.atomic():
        twilight = _locked(twilight_id)
        if not may_manage(actor, twilight):
            raise PermissionDenied("Only the host school's organisers or a lead make the plan.")
        if not twilight.is_speed_learning:
            raise TwilightRefused("Only a Speed Learning twilight has tables.")
        if twilight.has_started(now):
            raise TwilightRefused("The twilight has started: the table plan stands.")
        places = list(
            twilight.sign_ups.filter(state=PlaceState.CONFIRMED).select_related("staff__school")
        )
        presenters = [_person(entry) for entry in places if entry.is_presenter]
        participants = [_person(entry) for entry in places if not entry.is_presenter]
        if not presenters:
            raise TwilightRefused("Nobody is presenting yet, so there are no tables to sit at.")
        if not 1 <= rounds <= len(presenters):
            raise ValidationError(
                {
                    "rounds": f"With {len(presenters)} presenter"
                    f"{'s' if len(presenters) != 1 else ''}, choose 1 to {len(presenters)} "
                    "rounds: nobody visits the same table twice."
                }
            )
        plan = table_plan.make_plan(presenters, participants, rounds=rounds, seed=twilight.pk)
        saved, _ = TablePlan.objects.update_or_create(
            twilight=twilight,
            defaults={
                "made_by": actor,
                "made_at": now,
                "rounds": rounds,
                "tables": list(plan.tables),
                "seats": {str(pid): list(row) for pid, row in plan.seats.items()},
                "score": plan.score,
            },
        )
        twilight.rounds = rounds
        twilight.save(update_fields=["rounds"])
        network_changed(twilight)
    return saved


def _person(entry: TwilightSignUp) -> table_plan.Person:
    school = entry.staff.school
    return table_plan.Person(
        id=entry.pk, school=entry.staff.school_id or 0, phase=entry.staff.phase or school.phase
    )


def follow_up_twilight(*, twilight_id: int, now=None) -> int:
    """After the night: each presenter's idea becomes a post-it on the network (through
    ideas/board's hook), and each participant is asked "Which idea will you try?".
    Idempotent: the twilight is marked, under its lock. Returns how many were asked."""
    now = now or timezone.now()
    hook = network_post_its()
    with transaction.atomic():
        twilight = _locked(twilight_id)
        if twilight.followed_up_at or not twilight.has_ended(now):
            return 0
        places = list(
            twilight.sign_ups.filter(state=PlaceState.CONFIRMED).select_related("staff__school")
        )
        shared = []
        for entry in places:
            if entry.is_presenter and entry.post_it_id is None and hook is not None:
                note = entry.idea_summary or entry.idea_title
                note = f"{note}\n\nShared at {twilight.title} ({twilight.get_kind_display()})."
                entry.post_it_id = hook.post(author=entry.staff, title=entry.idea_title, note=note)
                entry.save(update_fields=["post_it_id"])
                shared.append(entry)
        twilight.followed_up_at = now
        twilight.save(update_fields=["followed_up_at"])
        # With no idea shared there is nothing to choose from: nobody is asked.
        presented = any(entry.is_presenter for entry in places)
        asked = [entry for entry in places if not entry.is_presenter and presented]
        for entry in asked:
            entry.twilight = twilight  # its link reads followed_up_at
        # Presenters hear where their idea went (their place links to the post-it).
        notify_many(
            kind=NoticeKind.TWILIGHT,
            notices=[
                (entry.staff, entry, f"Which idea from {twilight.title} will you try?")
                for entry in asked
            ]
            + [
                (
                    entry.staff,
                    entry,
                    f"Your idea “{entry.idea_title}” is now a post-it for the network",
                )
                for entry in shared
            ],
        )
        network_changed(twilight)
    return len(asked)


def choose_idea_to_try(*, twilight_id: int, staff, presenter_sign_up_id: int) -> TwilightSignUp:
    """A participant's answer: stored on their place, and "I'll try this" on the post-it
    when they may see it (ideas/board's hook)."""
    with transaction.atomic():
        twilight = _locked(twilight_id)
        mine = twilight.sign_ups.filter(
            staff=staff, role=TwilightRole.PARTICIPANT, state=PlaceState.CONFIRMED
        ).first()
        if mine is None or not twilight.followed_up_at:
            raise TwilightRefused("Only colleagues who took part choose an idea to try.")
        chosen = twilight.sign_ups.filter(
            pk=presenter_sign_up_id, role=TwilightRole.PRESENTER, state=PlaceState.CONFIRMED
        ).first()
        if chosen is None:
            raise ValidationError({"idea": "Choose one of the ideas presented that evening."})
        if mine.will_try_id == chosen.pk:
            return mine  # a second submit of the same choice
        mine.will_try, mine.will_try_at = chosen, timezone.now()
        mine.save(update_fields=["will_try", "will_try_at"])
        hook = network_post_its()
        if hook is not None and chosen.post_it_id:
            hook.will_try(idea_id=chosen.post_it_id, person=staff)
        network_changed(twilight)
    return mine
