"""Fair Thinking Thursday rotas, with no Django here so property tests run fast.

Fairness: whoever has had the fewest turns goes next, so nobody has a second
turn before everyone has had one, and the count carries across terms; ties go
to whoever posed longest ago (never posed counts as longest), then by name.
"""

import heapq
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

THURSDAY = 3


class NoOpenThursdays(ValueError):
    """The range holds no Thursday the school is open."""


@dataclass(frozen=True)
class Candidate:
    key: Hashable
    name: str = ""
    turns_so_far: int = 0
    last_turn: date | None = None


def open_thursdays(start: date, end: date, closures: Iterable[date] = ()) -> list[date]:
    """Every Thursday from start to end inclusive that is not a closure date."""
    closed = set(closures)
    first = start + timedelta(days=(THURSDAY - start.weekday()) % 7)
    days = []
    day = first
    while day <= end:
        if day not in closed:
            days.append(day)
        day += timedelta(days=7)
    return days


def plan_rota(dates: Sequence[date], people: Sequence[Candidate]) -> list[tuple[date, Hashable]]:
    """Give each date to the fairest next person: fewest turns, then longest wait."""
    if not people:
        raise ValueError("There is nobody to put on the rota.")
    heap = [
        (person.turns_so_far, person.last_turn or date.min, person.name, index, person.key)
        for index, person in enumerate(people)
    ]
    heapq.heapify(heap)
    plan = []
    for day in sorted(dates):
        turns, _last, name, index, key = heapq.heappop(heap)
        plan.append((day, key))
        heapq.heappush(heap, (turns + 1, day, name, index, key))
    return plan
