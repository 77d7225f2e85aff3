"""The Speed Learning table plan, in plain Python (no Django), proven on random inputs by
tests/events/twilights/test_table_plan_properties.py.

Each presenter keeps one table; participants move between tables in rounds. The plan:

* never seats a participant at the same presenter twice (so there are at most as many
  rounds as tables);
* seats every participant in every round, and keeps the tables of each round within
  one person of each other in size;
* then makes people meet as many *new* colleagues as it can.

What it optimises (the score): the pairs of participants who share a table at least
once, each pair weighted by how new they are to each other — 1 for a colleague from
their own school, 3 for another school, and 1 more for another phase (a nursery
teacher and a secondary teacher); meeting the same person twice adds nothing. Each
time two colleagues from one school share a table in a round it costs 6: more than
any one new pair is worth, so the plan never trades a mixed table for a new face
from one's own staffroom (they can talk on Monday).

How: it starts from a plan that keeps the rules by construction. Participants are
dealt out one school at a time (so neighbours in the list come from different
schools) and cut into consecutive groups, one per table, whose sizes differ by at
most one; each round, people move on by a step coprime with the number of tables,
different steps for different people in a group (starting_seats), so nobody meets a
presenter twice and each round's sizes are the first round's. Then it improves the
plan by exchanging two participants' seats in one round, and in any further rounds
needed so neither visits a table twice (each exchange keeps the sizes), keeping an
exchange only when it raises the score. It stops after a fixed number of
tries, so its time is bounded; the seeded random source makes the plan repeatable.
It finds a good plan, not always the best one: that is a hard search problem (the
"social golfer" problem), and the host wants the plan in a second or two.
"""

import math
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

OWN_SCHOOL = 1
OTHER_SCHOOL = 3
OTHER_PHASE = 1
SAME_SCHOOL_AT_TABLE = 6
SWAP_TRIES_PER_SEAT = 40
# Bounds the search for a large evening (200 people: about half a second, bench/).
MOST_SWAP_TRIES = 2500


@dataclass(frozen=True)
class Person:
    id: int
    school: int
    phase: str = ""


@dataclass(frozen=True)
class Plan:
    tables: tuple[int, ...]  # presenter ids, one per table, table number = index + 1
    # seats[participant id] = the table index of each round.
    seats: dict[int, tuple[int, ...]]
    rounds: int
    score: int

    def at_table(self, round_index: int, table: int) -> list[int]:
        return [pid for pid, row in self.seats.items() if row[round_index] == table]


def newness(a: Person, b: Person) -> int:
    """How much meeting `b` is worth to `a`: more for another school, and another phase."""
    value = OWN_SCHOOL if a.school == b.school else OTHER_SCHOOL
    if a.phase and b.phase and a.phase != b.phase:
        value += OTHER_PHASE
    return value


def most_rounds(presenters: Sequence[Person]) -> int:
    """One table per presenter; nobody visits a table twice."""
    return len(presenters)


def dealt_by_school(people: Sequence[Person]) -> list[Person]:
    """One of each school in turn (largest school first), so neighbours differ."""
    by_school: dict[int, list[Person]] = defaultdict(list)
    for person in sorted(people, key=lambda p: p.id):
        by_school[person.school].append(person)
    queues = sorted(by_school.values(), key=lambda group: (-len(group), group[0].school))
    dealt = []
    while any(queues):
        for queue in queues:
            if queue:
                dealt.append(queue.pop(0))
    return dealt


def score_of(seats: dict[int, list[int]], people: dict[int, Person], rounds: int) -> int:
    met: set[tuple[int, int]] = set()
    same_school = 0
    for round_index in range(rounds):
        tables: dict[int, list[int]] = defaultdict(list)
        for pid, row in seats.items():
            tables[row[round_index]].append(pid)
        for seated in tables.values():
            for i, a in enumerate(seated):
                for b in seated[i + 1 :]:
                    met.add((min(a, b), max(a, b)))
                    same_school += people[a].school == people[b].school
    met_score = sum(newness(people[a], people[b]) for a, b in met)
    return met_score - SAME_SCHOOL_AT_TABLE * same_school


def first_round_tables(count: int, table_count: int) -> list[int]:
    """Consecutive groups, one per table, the first `count % table_count` one larger."""
    small, larger = divmod(count, table_count)
    tables = []
    for table in range(table_count):
        tables += [table] * (small + (1 if table < larger else 0))
    return tables


def starting_seats(participants: Sequence[Person], rounds: int, table_count: int):
    """The plan the search starts from, which keeps every rule by construction.

    The q-th member of each first-round group forms "row" q, at most one person per
    table. Row q moves on by a step coprime with the number of tables each round, so
    it visits a new table every round (rounds <= tables), and its people stay at
    different tables from each other: every round's sizes are the first round's,
    shuffled. Rows with different steps part and meet new people as they go.
    """
    order = dealt_by_school(participants)
    first = first_round_tables(len(order), table_count)
    steps = [k for k in range(1, table_count + 1) if math.gcd(k, table_count) == 1]
    seats, place_in_group = {}, defaultdict(int)
    for i, person in enumerate(order):
        row = place_in_group[first[i]]
        place_in_group[first[i]] += 1
        step = steps[row % len(steps)]
        seats[person.id] = [(first[i] + r * step) % table_count for r in range(rounds)]
    return seats


def make_plan(
    presenters: Sequence[Person], participants: Sequence[Person], *, rounds: int, seed: int = 0
) -> Plan:
    if not presenters:
        raise ValueError("A table plan needs at least one presenter.")
    if not 1 <= rounds <= most_rounds(presenters):
        raise ValueError(f"Rounds must be between 1 and {most_rounds(presenters)}.")
    table_count = len(presenters)
    seats = starting_seats(participants, rounds, table_count)
    people = {person.id: person for person in participants}
    _improve(seats, people, rounds, table_count, random.Random(seed))
    return Plan(
        tables=tuple(person.id for person in presenters),
        seats={pid: tuple(row) for pid, row in seats.items()},
        rounds=rounds,
        score=score_of(seats, people, rounds),
    )


def _improve(seats, people, rounds, table_count, rng) -> None:
    """Hill-climb on exchanges of seats; `meetings[i][j]` counts how often two people share
    a table, so an exchange's gain is worked out from the two people's tables only.
    People are numbered 0..n-1 here, and what meeting each other is worth is worked out
    once (`worth`, with the same-school cost folded into `clash`): this loop is the plan's
    whole cost."""
    ids = sorted(seats)
    count = len(ids)
    if count < 2 or table_count < 2:
        return
    rows = [seats[pid] for pid in ids]  # the same lists: changing rows changes seats
    group = [people[pid] for pid in ids]
    worth = [[newness(a, b) for b in group] for a in group]
    clash = [[SAME_SCHOOL_AT_TABLE if a.school == b.school else 0 for b in group] for a in group]
    meetings = [[0] * count for _ in range(count)]
    tables = [[set() for _ in range(table_count)] for _ in range(rounds)]
    for i, row in enumerate(rows):
        for r, table in enumerate(row):
            tables[r][table].add(i)
    for r in range(rounds):
        for seated in tables[r]:
            for i in seated:
                for j in seated:
                    if i != j:
                        meetings[i][j] += 1

    def gain_of_moving(i, old_group, new_group) -> int:
        met, value, cost = meetings[i], worth[i], clash[i]
        gain = 0
        for j in old_group:
            if j != i:
                gain += cost[j] - (value[j] if met[j] == 1 else 0)
        for j in new_group:
            gain += (value[j] if met[j] == 0 else 0) - cost[j]
        return gain

    def gain_of_swap(r, a, b) -> int:
        """Before moving anyone: b is not at a's table, so only a is left out of it."""
        old_a, old_b = tables[r][rows[a][r]], tables[r][rows[b][r]]
        gain_a = gain_of_moving(a, old_a, old_b) - (
            (worth[a][b] if meetings[a][b] == 0 else 0) - clash[a][b]
        )
        gain_b = gain_of_moving(b, old_b, old_a) - (
            (worth[b][a] if meetings[b][a] == 0 else 0) - clash[b][a]
        )
        return gain_a + gain_b

    def swap(r, a, b) -> int:
        """Exchange a's and b's seats in round r; return what that gained."""
        ta, tb = rows[a][r], rows[b][r]
        gain = gain_of_swap(r, a, b)
        group_a, group_b = tables[r][ta], tables[r][tb]
        group_a.discard(a)
        group_b.discard(b)
        for j in group_a:
            meetings[a][j] -= 1
            meetings[j][a] -= 1
            meetings[b][j] += 1
            meetings[j][b] += 1
        for j in group_b:
            meetings[b][j] -= 1
            meetings[j][b] -= 1
            meetings[a][j] += 1
            meetings[j][a] += 1
        group_a.add(b)
        group_b.add(a)
        rows[a][r], rows[b][r] = tb, ta
        return gain

    for _ in range(min(SWAP_TRIES_PER_SEAT * count, MOST_SWAP_TRIES)):
        a, b = rng.sample(range(count), 2)
        chain = exchange_rounds(rows[a], rows[b], rng.randrange(rounds))
        if not chain:
            continue
        if len(chain) == 1:  # weigh before moving anyone
            if gain_of_swap(chain[0], a, b) > 0:
                swap(chain[0], a, b)
            continue
        gain = sum(swap(r, a, b) for r in chain)
        if gain <= 0:
            for r in reversed(chain):
                swap(r, a, b)


def exchange_rounds(row_a: list[int], row_b: list[int], start: int) -> list[int]:
    """The rounds in which two people must exchange seats, starting from `start`, so that
    neither visits a table twice afterwards (a chain, as in a Kempe swap); empty when
    they sit together at `start` or the chain takes every round (a mere change of names)."""
    if row_a[start] == row_b[start]:
        return []
    chain, todo = {start}, [start]
    while todo:
        r = todo.pop()
        for row, other in ((row_a, row_b), (row_b, row_a)):
            # After the exchange `row` holds other[r] in round r: it must not hold it elsewhere.
            if other[r] in row:
                clash = row.index(other[r])
                if clash not in chain:
                    chain.add(clash)
                    todo.append(clash)
    if len(chain) == len(row_a):
        return []
    return sorted(chain)
