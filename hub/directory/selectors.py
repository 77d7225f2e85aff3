"""Reads of the directory: a lead's search, and the schools most like one school."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, FloatField, Q, QuerySet, Value
from django.db.models.functions import Abs, Cast, Coalesce

from hub.models import JoinRequest, JoinStatus, Network, RegisteredSchool, School

SIMILAR_SHOWN = 10
COMPASS = ("North", "South", "East", "West")


def with_staffroom_ids(rows) -> list[RegisteredSchool]:
    """Gives each directory row `staffroom_id`, the id of the school on Staffroom with
    its URN (or None), in one query. Done on a page of rows, never in the search's
    SQL: a subquery there would run for every match before the sort and the limit."""
    rows = list(rows)
    ids = dict(School.objects.filter(urn__in=[row.urn for row in rows]).values_list("urn", "pk"))
    for row in rows:
        row.staffroom_id = ids.get(row.urn)
    return rows


def search(*, query: str = "", phase: str = "", area: str = "", trust: str = "") -> QuerySet:
    """Open schools in the register matching every filter given, by name."""
    schools = RegisteredSchool.objects.filter(is_open=True)
    if query:
        schools = schools.filter(Q(name__icontains=query) | Q(urn=query))
    if phase:
        schools = schools.filter(phase=phase)
    if area:
        schools = schools.filter(Q(local_authority__icontains=area) | Q(region__icontains=area))
    if trust:
        schools = schools.filter(trust__icontains=trust)
    return schools.order_by("name", "urn")


def standing_with(network: Network, staffroom_ids: list[int]) -> dict[int, str]:
    """{school id: "member" | "waiting"} for the Staffroom schools on a page of results
    (two queries, whatever the page holds)."""
    ids = [school_id for school_id in staffroom_ids if school_id]
    members = set(network.schools.filter(pk__in=ids).values_list("pk", flat=True))
    waiting = set(
        JoinRequest.objects.filter(
            network=network, school_id__in=ids, status=JoinStatus.WAITING
        ).values_list("school_id", flat=True)
    )
    standing = {school_id: "waiting" for school_id in waiting}
    standing.update({school_id: "member" for school_id in members})
    return standing


@dataclass(frozen=True)
class Yardstick:
    """What a school is compared on: its own register row, else what Staffroom knows."""

    phase: str
    pupils: int | None
    fsm: Decimal | None
    region: str
    urn: str


def yardstick_of(school: School) -> Yardstick:
    row = RegisteredSchool.objects.filter(urn=school.urn).first() if school.urn else None
    if row is None:
        return Yardstick(school.phase, school.number_of_pupils, None, "", school.urn or "")
    return Yardstick(
        row.phase or school.phase,
        row.number_of_pupils or school.number_of_pupils,
        row.percentage_fsm,
        row.region,
        row.urn,
    )


def most_like(mine: Yardstick, *, count: int = SIMILAR_SHOWN) -> list[RegisteredSchool]:
    """Open schools of the same phase (and region, when known), closest first in size
    (as a share of ours) and FSM (ten points count as much as doubling in size)."""
    schools = RegisteredSchool.objects.filter(is_open=True, phase=mine.phase).exclude(urn=mine.urn)
    if mine.region:
        schools = schools.filter(region=mine.region)
    distance = Value(0.0, output_field=FloatField())
    if mine.pupils:
        pupils = Cast(F("number_of_pupils"), FloatField())
        distance += Coalesce(Abs(pupils - mine.pupils) / mine.pupils, Value(1.0))
    if mine.fsm is not None:
        fsm = Cast(F("percentage_fsm"), FloatField())
        distance += Coalesce(Abs(fsm - float(mine.fsm)) / 10.0, Value(1.0))
    schools = schools.annotate(distance=distance).order_by("distance", "name")
    return with_staffroom_ids(schools[:count])


def _in_region(region: str) -> str:
    return f"the {region}" if region.startswith(COMPASS) else region


def likeness_in_words(other: RegisteredSchool, mine: Yardstick) -> str:
    """ "Primary, 210 pupils (yours 230), 18% FSM (yours 21%), also in the North West"."""
    parts = [other.get_phase_display()]
    if other.number_of_pupils is not None:
        pupils = f"{other.number_of_pupils} pupils"
        if mine.pupils:
            pupils += f" (yours {mine.pupils})"
        parts.append(pupils)
    if other.percentage_fsm is not None:
        fsm = f"{other.percentage_fsm.normalize():f}% FSM"
        if mine.fsm is not None:
            fsm += f" (yours {mine.fsm.normalize():f}%)"
        parts.append(fsm)
    if mine.region and other.region == mine.region:
        parts.append(f"also in {_in_region(other.region)}")
    elif other.region:
        parts.append(f"in {_in_region(other.region)}")
    return ", ".join(parts)
