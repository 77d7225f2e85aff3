"""Demo twilights in the demo network (Northshire Learning Trust): a past Speed Learning
evening whose ideas became post-its, and a coming TeachMeet with places still free.
Idempotent: keyed on the title within the network.

Both are hosted by the demo school and filled by its own staff: a school's archive
(hub/ops/backup) holds every row its rows point at, so another school's host or staff
in the demo would put that school into the demo school's export.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from events.twilights.models import (
    PlaceState,
    SlotLength,
    Twilight,
    TwilightKind,
    TwilightRole,
    TwilightSignUp,
)
from hub.models import Network
from hub.registry import network_post_its

NETWORK = "Northshire Learning Trust"
IDEAS = [
    (
        "Mini whiteboards for every hinge question",
        "Everyone answers at once, so I see in ten seconds who has it and who needs me next.",
        SlotLength.NANO,
    ),
    (
        "Cold calling with thinking time",
        "Question, pause, then a name: every child thinks, not just the hands up.",
        SlotLength.MICRO,
    ),
    (
        "Reading rulers in Year 7",
        "Coloured overlays on a ruler helped weaker readers keep their place in long texts.",
        SlotLength.NANO,
    ),
    (
        "Two stars and a step",
        "Peer feedback with one clear next step, modelled first with an anonymous piece.",
        SlotLength.MICRO,
    ),
]
# title, kind, days from today, hours, capacity, presenter slots
TWILIGHTS = [
    ("Speed Learning: practical ideas", TwilightKind.SPEED_LEARNING, -12, 30, 4),
    ("TeachMeet Northshire", TwilightKind.TEACHMEET, 16, 40, 6),
]


@transaction.atomic
def seed_twilights(*, school, staff, rng) -> None:
    network = Network.objects.filter(name=NETWORK, schools=school).first()
    if network is None:
        return
    people = [person for person in staff if person.is_active]
    today = timezone.localdate(timezone=school.zone)
    for title, kind, days, capacity, cap in TWILIGHTS:
        if Twilight.objects.filter(network=network, title=title).exists():
            continue
        host = school
        starts_at = dt.datetime.combine(
            today + dt.timedelta(days=days), dt.time(16, 0), tzinfo=host.zone
        )
        twilight = Twilight.objects.create(
            network=network,
            host_school=host,
            kind=kind,
            title=title,
            description="Bring one practical idea, or come to collect some. Tea from 15:45.",
            date=starts_at.date(),
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(minutes=90),
            place=f"Library, {host.name}",
            capacity=capacity,
            presenter_cap=cap,
            rounds=3,
            created_by=staff[0],
        )
        _seed_places(twilight, rng.sample(people, min(len(people), 14)), past=days < 0)


def _seed_places(twilight: Twilight, people: list, *, past: bool) -> None:
    presenters, participants = people[:3], people[3:]
    hook = network_post_its()
    made = []
    for position, person in enumerate(presenters):
        title, summary, slot = IDEAS[position % len(IDEAS)]
        made.append(
            TwilightSignUp.objects.create(
                twilight=twilight,
                staff=person,
                role=TwilightRole.PRESENTER,
                state=PlaceState.CONFIRMED,
                created_at=twilight.starts_at - dt.timedelta(days=20, minutes=-position),
                idea_title=title,
                idea_summary=summary,
                slot=slot,
                # On the board of the evening's week, as the job would have put it then.
                post_it_id=hook.post(author=person, title=title, note=summary, on=twilight.ends_at)
                if past and hook
                else None,
            )
        )
    for position, person in enumerate(participants):
        TwilightSignUp.objects.create(
            twilight=twilight,
            staff=person,
            role=TwilightRole.PARTICIPANT,
            state=PlaceState.CONFIRMED,
            created_at=twilight.starts_at - dt.timedelta(days=15, minutes=-position),
            will_try=made[position % len(made)] if past and position % 2 == 0 else None,
            will_try_at=twilight.ends_at if past and position % 2 == 0 else None,
        )
    if past:
        twilight.followed_up_at = twilight.ends_at
        twilight.save(update_fields=["followed_up_at"])
