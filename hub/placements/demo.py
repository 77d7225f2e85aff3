"""Demo placements in the Northshire Learning Trust: two asks, two offers and one
placement both heads approved. Idempotent: run seed_demo again and nothing doubles."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from hub.models import Network, Placement, PlacementAsk, PlacementOffer, PlacementState, Role, Staff

DEMO_PASSWORD = "staffroom-demo"
NETWORK_NAME = "Northshire Learning Trust"


def _colleague(school, email, full_name, role, title, *, head=False) -> Staff:
    """A demo colleague at another school of the trust (found by email if already made)."""
    person = Staff.objects.filter(email=email).first()
    if person is None:
        person = Staff.objects.create_user(
            email,
            DEMO_PASSWORD,
            full_name=full_name,
            school=school,
            role=role,
            job_title=title,
            manages_settings=head,
            is_moderator=head,
            phase=school.phase,
        )
    return person


@transaction.atomic
def seed_placements(*, school, staff, rng) -> None:
    network = Network.objects.filter(name=NETWORK_NAME).first()
    if network is None or PlacementAsk.objects.filter(network=network).exists():
        return
    others = list(network.schools.exclude(pk=school.pk).order_by("pk"))
    if not others:
        return
    host_school = others[0]
    domain = host_school.name.split()[0].lower()
    host = _colleague(
        host_school, f"senco@{domain}.example", "Grace Adeyemi", Role.SENIOR_LEADER, "SENCo"
    )
    _colleague(
        host_school,
        f"head@{domain}.example",
        "Martin Hale",
        Role.HEADTEACHER,
        "Headteacher",
        head=True,
    )
    by_email = {person.email.split("@")[0]: person for person in staff}
    teacher, ta, head = by_email.get("teacher"), by_email.get("ta"), by_email.get("head")
    if not (teacher and ta and head):
        return
    today = timezone.localdate(timezone=school.zone)
    term = (today + timedelta(days=14), today + timedelta(days=60))

    def ask(person, focus, tags, phases, why):
        made = PlacementAsk.objects.create(
            network=network,
            staff=person,
            school=school,
            focus=focus,
            phases=phases,
            earliest=term[0],
            latest=term[1],
            days=2,
            why=why,
        )
        made.tags.set(tags)
        return made

    def offer(focus, tags, phase, note):
        made = PlacementOffer.objects.create(
            network=network,
            host=host,
            school=host_school,
            focus=focus,
            phase=phase,
            available_from=term[0],
            available_until=term[1],
            days_note=note,
            capacity=2,
        )
        made.tags.set(tags)
        return made

    transition = ask(
        teacher,
        "Cross-phase transition",
        ["transition", "year 6"],
        ["primary", "secondary"],
        "Our Year 6 move up to Riverside in September; I want to see what they meet there.",
    )
    ask(
        ta,
        "SEND provision",
        ["send", "sensory breaks"],
        ["primary"],
        "I support two children with autism and would love to see a resource base at work.",
    )
    transition_offer = offer(
        "Cross-phase transition",
        ["transition", "year 7"],
        host_school.phase,
        "Tuesdays and Thursdays",
    )
    offer("SEND provision", ["send", "resource base"], host_school.phase, "Any weekday morning")
    now = timezone.now()
    Placement.objects.create(
        ask=transition,
        offer=transition_offer,
        network=network,
        visitor=teacher,
        host=host,
        visitor_school=school,
        host_school=host_school,
        proposed_by=teacher,
        starts_on=term[0] + timedelta(days=1),
        days=2,
        cross_phase=school.phase != host_school.phase,
        state=PlacementState.APPROVED,
        agreed_at=now,
        visitor_head=head,
        visitor_head_at=now,
        host_head=Staff.objects.filter(school=host_school, manages_settings=True).first(),
        host_head_at=now,
        approved_at=now,
    )
