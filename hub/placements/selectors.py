"""Reads for placements: a network's asks and offers, matches, a person's placements, a
head's approvals, and what My learning and a profile show. Each in a fixed number of
queries, however many rows."""

from django.db.models import Q

from hub.access import may_change_school_settings
from hub.models import Phase, Placement, PlacementAsk, PlacementOffer, PlacementState
from hub.models.placements import LIVE_STATES
from hub.placements.matching import Side, match, ranked
from hub.registry import LearningEntry

LISTED = 50
PHASE_LABELS = dict(Phase.choices)


def side_of_ask(ask: PlacementAsk) -> Side:
    return Side(
        person_id=ask.staff_id,
        school_id=ask.school_id,
        focus=ask.focus,
        tags=frozenset(tag.name.lower() for tag in ask.tags.all()),
        phases=frozenset(ask.phases),
        first_day=ask.earliest,
        last_day=ask.latest,
        days=ask.days,
        cross_phase=ask.cross_phase,
    )


def side_of_offer(offer: PlacementOffer) -> Side:
    return Side(
        person_id=offer.host_id,
        school_id=offer.school_id,
        focus=offer.focus,
        tags=frozenset(tag.name.lower() for tag in offer.tags.all()),
        phases=frozenset({offer.phase}),
        first_day=offer.available_from,
        last_day=offer.available_until,
    )


def open_asks(network):
    """A network's open asks, newest first (two queries: the rows, their tags)."""
    return list(
        PlacementAsk.objects.in_network(network)
        .open()
        .select_related("staff", "school")
        .prefetch_related("tags")[:LISTED]
    )


def open_offers(network):
    return list(
        PlacementOffer.objects.in_network(network)
        .open()
        .select_related("host", "school")
        .prefetch_related("tags")[:LISTED]
    )


def offers_for(ask: PlacementAsk) -> list[tuple]:
    """(offer, Match) for an ask, best first; three queries."""
    return ranked(side_of_ask(ask), open_offers(ask.network), side_of_offer, PHASE_LABELS)


def asks_for(offer: PlacementOffer) -> list[tuple]:
    """(ask, Match) for an offer, best first; three queries."""
    offer_side = side_of_offer(offer)
    found = []
    for ask in open_asks(offer.network):
        suits = match(side_of_ask(ask), offer_side, PHASE_LABELS)
        if suits is not None:
            found.append((ask, suits))
    return sorted(found, key=lambda pair: -pair[1].score)


def live_placements_by_pair(asks=(), offers=()) -> dict[tuple[int, int], Placement]:
    """Live placements of these asks or offers, by (ask id, offer id): one query."""
    rows = Placement.objects.filter(
        Q(ask__in=[a.pk for a in asks]) | Q(offer__in=[o.pk for o in offers]),
        state__in=LIVE_STATES,
    )
    return {(row.ask_id, row.offer_id): row for row in rows}


def placements_of(person):
    """The person's placements, as visitor or host, newest first (one query)."""
    return list(
        Placement.objects.filter(Q(visitor_id=person.pk) | Q(host_id=person.pk))
        .select_related("visitor", "host", "visitor_school", "host_school", "ask")
        .order_by("-created_at")[:LISTED]
    )


def waiting_for_head(staff):
    """Agreed placements waiting for this head's approval for their school (one query)."""
    if not may_change_school_settings(staff):
        return []
    school = staff.school_id
    return list(
        Placement.objects.filter(
            Q(visitor_school_id=school, visitor_head_at__isnull=True)
            | Q(host_school_id=school, host_head_at__isnull=True),
            state=PlacementState.AGREED,
        ).select_related("visitor", "host", "visitor_school", "host_school", "ask")[:LISTED]
    )


def _approved_of(person):
    return (
        Placement.objects.filter(
            Q(visitor_id=person.pk) | Q(host_id=person.pk), state=PlacementState.APPROVED
        )
        .select_related("visitor", "host", "visitor_school", "host_school", "ask")
        .order_by("-starts_on")
    )


def learning_entries(person, start, end) -> list[LearningEntry]:
    """My learning: placements approved in the range, as visitor or host (one query)."""
    rows = _approved_of(person).filter(approved_at__gte=start, approved_at__lt=end)
    return [
        LearningEntry(
            when=row.approved_at,
            kind="placement",
            verb="Work-shadowing at" if row.visitor_id == person.pk else "Hosting",
            title=row.host_school.name if row.visitor_id == person.pk else row.visitor.name,
            url=row.get_absolute_url(),
            after=f"on “{row.ask.focus}”, {row.days} day{'s' if row.days > 1 else ''} "
            f"from {row.starts_on:%-d %B %Y}",
        )
        for row in rows
    ]


def profile_placements(member, viewer) -> dict | None:
    """A profile's work-shadowing: approved placements the viewer may see (one query)."""
    rows = list(_approved_of(member).filter(pk__in=Placement.objects.visible_to(viewer))[:10])
    return {"placements": rows, "member": member} if rows else None
