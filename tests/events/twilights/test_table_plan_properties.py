"""The Speed Learning table plan's rules, proven on random inputs (events/twilights/table_plan.py):
never the same presenter twice, everyone seated every round, tables balanced within one."""

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from events.twilights.table_plan import Person, make_plan, score_of, starting_seats

PHASES = ["nursery", "primary", "secondary", ""]


@st.composite
def gatherings(draw):
    schools = draw(st.integers(min_value=1, max_value=6))
    presenters = [
        Person(id=1000 + i, school=draw(st.integers(0, schools - 1)))
        for i in range(draw(st.integers(min_value=1, max_value=9)))
    ]
    participants = [
        Person(
            id=i,
            school=draw(st.integers(0, schools - 1)),
            phase=draw(st.sampled_from(PHASES)),
        )
        for i in range(draw(st.integers(min_value=0, max_value=60)))
    ]
    rounds = draw(st.integers(min_value=1, max_value=len(presenters)))
    seed = draw(st.integers(min_value=0, max_value=10_000))
    return presenters, participants, rounds, seed


@settings(max_examples=100, deadline=None)
@given(gatherings())
def test_the_plan_keeps_its_three_rules_on_any_evening(gathering):
    presenters, participants, rounds, seed = gathering
    plan = make_plan(presenters, participants, rounds=rounds, seed=seed)

    assert set(plan.seats) == {person.id for person in participants}
    for row in plan.seats.values():
        # Seated every round, at a real table, never at the same presenter twice.
        assert len(row) == rounds
        assert all(0 <= table < len(presenters) for table in row)
        assert len(set(row)) == rounds
    for round_index in range(rounds):
        sizes = Counter(row[round_index] for row in plan.seats.values())
        every_table = [sizes.get(table, 0) for table in range(len(presenters))]
        assert max(every_table) - min(every_table) <= 1


@settings(max_examples=40, deadline=None)
@given(gatherings())
def test_improving_never_makes_the_plan_worse_than_where_it_started(gathering):
    presenters, participants, rounds, seed = gathering
    plan = make_plan(presenters, participants, rounds=rounds, seed=seed)
    people = {person.id: person for person in participants}
    start = starting_seats(participants, rounds, len(presenters))
    assert plan.score >= score_of(start, people, rounds)
    assert plan.score == score_of({k: list(v) for k, v in plan.seats.items()}, people, rounds)


def test_three_schools_at_three_tables_mix_every_round_and_meet_new_people():
    """Nine colleagues, three from each school: every table mixes the three schools in
    every round, and over three rounds each person meets at least four of the six from
    the other schools (groups that moved together would meet only two)."""
    presenters = [Person(id=100 + i, school=9) for i in range(3)]
    participants = [Person(id=i, school=i % 3) for i in range(9)]

    plan = make_plan(presenters, participants, rounds=3, seed=1)

    met = {pid: set() for pid in plan.seats}
    for round_index in range(3):
        for table in range(3):
            seated = plan.at_table(round_index, table)
            assert sorted(participants[pid].school for pid in seated) == [0, 1, 2]
            for pid in seated:
                met[pid] |= set(seated) - {pid}
    for pid, others in met.items():
        assert len(others) >= 4
        assert all(other % 3 != pid % 3 for other in others)


def test_it_refuses_more_rounds_than_tables():
    with pytest.raises(ValueError, match="between 1 and 2"):
        make_plan([Person(1, 1), Person(2, 1)], [Person(3, 1)], rounds=3)


def test_the_same_seed_makes_the_same_plan():
    presenters = [Person(id=100 + i, school=i) for i in range(4)]
    participants = [Person(id=i, school=i % 5, phase=PHASES[i % 3]) for i in range(30)]
    first = make_plan(presenters, participants, rounds=4, seed=7)
    assert make_plan(presenters, participants, rounds=4, seed=7) == first
