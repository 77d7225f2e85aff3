"""Selectors for the participation dashboard: who shared what, when, by role group.

A constant number of queries whatever the data: one for the school's staff,
one per contribution kind (grouped by author and day in the database) and one
per extra registered metric.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncDate

from hub.lib.terms import day_bounds
from hub.lib.weeks import Week
from hub.models import RoleGroup, Staff
from hub.registry import contribution_kinds, participation_metrics


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    # Contributions count as "shared something"; attendance and the like do not.
    is_sharing: bool


@dataclass
class PersonRow:
    member: Staff
    counts: dict[str, int]
    # The counts in column order, as text: the table has 80 rows of 9 columns, and a
    # filter and a localised number per cell cost a quarter of its render time.
    cells: list[str] = field(default_factory=list)

    def count_of(self, key: str) -> int:
        return self.counts.get(key, 0)

    @property
    def shared(self) -> int:
        return self.counts.get("_shared", 0)


@dataclass
class GroupRow:
    group: str
    label: str
    people: int = 0
    sharers: int = 0
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    cells: list[str] = field(default_factory=list)  # the counts in column order, as text


@dataclass
class WeekPoint:
    week: Week
    contributions: int
    people: int


@dataclass
class Participation:
    first_day: date
    last_day: date
    columns: list[Column]
    people: list[PersonRow]
    groups: list[GroupRow]
    not_shared_yet: list[Staff]
    weeks: list[WeekPoint]

    @property
    def active_count(self) -> int:
        return sum(1 for row in self.people if row.member.is_active)

    @property
    def sharer_count(self) -> int:
        return sum(1 for row in self.people if row.member.is_active and row.shared)


def participation(*, school, first_day: date, last_day: date) -> Participation:
    """Counts per person, role group and week for a school between two days (inclusive)."""
    start, end = day_bounds(first_day, last_day, school.zone)
    columns: list[Column] = []
    per_person: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    per_day: dict[date, int] = defaultdict(int)
    people_per_week: dict[date, set[int]] = defaultdict(set)
    for kind in contribution_kinds():
        key = kind.model._meta.label_lower
        columns.append(
            Column(key, kind.label_plural[:1].upper() + kind.label_plural[1:], is_sharing=True)
        )
        rows = (
            kind.shared_between(school, start, end)
            .annotate(day=TruncDate("created_at", tzinfo=school.zone))
            .values("author_id", "day")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            per_person[row["author_id"]][key] += row["n"]
            per_person[row["author_id"]]["_shared"] += row["n"]
            per_day[row["day"]] += row["n"]
            people_per_week[Week.containing(row["day"]).monday].add(row["author_id"])
    for metric in participation_metrics():
        columns.append(Column(metric.key, metric.label, is_sharing=False))
        for staff_id, n in metric.counts(school, start, end).items():
            per_person[staff_id][metric.key] += n
    members = (
        Staff.objects.filter(school_id=school.pk)
        .only("pk", "full_name", "display_name", "role", "is_active", "school_id")
        .order_by("full_name", "pk")
    )
    people = [
        PersonRow(member, dict(per_person.get(member.pk, {})))
        for member in members
        if member.is_active or member.pk in per_person
    ]
    for row in people:
        row.cells = [str(row.count_of(column.key)) for column in columns]
    return Participation(
        first_day=first_day,
        last_day=last_day,
        columns=columns,
        people=people,
        groups=_group_rows(people, columns),
        not_shared_yet=[row.member for row in people if row.member.is_active and not row.shared],
        weeks=_week_points(first_day, last_day, per_day, people_per_week),
    )


def _group_rows(people: list[PersonRow], columns: list[Column]) -> list[GroupRow]:
    groups = {value: GroupRow(value, label) for value, label in RoleGroup.choices}
    for row in people:
        group = groups[row.member.role_group]
        if row.member.is_active:
            group.people += 1
            group.sharers += 1 if row.shared else 0
        for column in columns:
            group.counts[column.key] += row.count_of(column.key)
    for group in groups.values():
        group.cells = [str(group.counts[column.key]) for column in columns]
    return list(groups.values())


def _week_points(first_day, last_day, per_day, people_per_week) -> list[WeekPoint]:
    per_week: dict[date, int] = defaultdict(int)
    for day, n in per_day.items():
        per_week[Week.containing(day).monday] += n
    points = []
    week = Week.containing(first_day)
    while week.monday <= last_day:
        points.append(
            WeekPoint(week, per_week.get(week.monday, 0), len(people_per_week[week.monday]))
        )
        week = week.next()
    return points


def sharers_between(*, school, first_day: date, last_day: date):
    """Active staff who shared something between two days: one query per kind, then one."""
    start, end = day_bounds(first_day, last_day, school.zone)
    author_ids: set[int] = set()
    for kind in contribution_kinds():
        shared = kind.shared_between(school, start, end)
        author_ids.update(shared.values_list("author_id", flat=True).distinct())
    return Staff.objects.filter(school_id=school.pk, is_active=True, pk__in=author_ids).order_by(
        "full_name", "pk"
    )
