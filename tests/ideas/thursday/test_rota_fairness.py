"""The rota's fairness, as properties that hold for any staff list and closure dates."""

from collections import Counter
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from ideas.thursday.rota import Candidate, open_thursdays, plan_rota

START = date(2026, 9, 1)

people_lists = st.lists(
    st.tuples(st.integers(min_value=0, max_value=4), st.text(max_size=5)),
    min_size=1,
    max_size=25,
).map(
    lambda rows: [
        Candidate(key=index, name=name, turns_so_far=turns)
        for index, (turns, name) in enumerate(rows)
    ]
)
closure_sets = st.sets(
    st.dates(min_value=START, max_value=START + timedelta(days=400)), max_size=60
)
spans = st.integers(min_value=0, max_value=400)


@settings(max_examples=200, deadline=None)
@given(people=people_lists, closures=closure_sets, span=spans)
def test_no_one_gets_a_second_turn_before_everyone_had_one(people, closures, span):
    dates = open_thursdays(START, START + timedelta(days=span), closures)
    turns = Counter({person.key: person.turns_so_far for person in people})
    for _day, key in plan_rota(dates, people):
        # Whoever goes next has no more turns than anyone else so far.
        assert turns[key] == min(turns[person.key] for person in people)
        turns[key] += 1


@settings(max_examples=200, deadline=None)
@given(people=people_lists, closures=closure_sets, span=spans)
def test_no_turn_falls_on_a_closure_date_or_a_day_other_than_thursday(people, closures, span):
    end = START + timedelta(days=span)
    plan = plan_rota(open_thursdays(START, end, closures), people)
    for day, _key in plan:
        assert day.weekday() == 3
        assert day not in closures
        assert START <= day <= end
    assert len({day for day, _key in plan}) == len(plan)


@settings(max_examples=100, deadline=None)
@given(people=people_lists, closures=closure_sets, span=spans)
def test_every_open_thursday_in_the_range_gets_a_poser(people, closures, span):
    end = START + timedelta(days=span)
    expected = {
        START + timedelta(days=n)
        for n in range(span + 1)
        if (START + timedelta(days=n)).weekday() == 3 and START + timedelta(days=n) not in closures
    }
    assert {
        day for day, _key in plan_rota(open_thursdays(START, end, closures), people)
    } == expected


def test_fresh_staff_go_before_those_who_already_had_a_turn_last_term():
    people = [
        Candidate(key="had one", name="A", turns_so_far=1, last_turn=date(2026, 7, 2)),
        Candidate(key="never", name="B"),
    ]
    assert [key for _day, key in plan_rota([date(2026, 9, 3)], people)] == ["never"]


def test_among_equals_whoever_posed_longest_ago_goes_first():
    people = [
        Candidate(key="recent", name="A", turns_so_far=1, last_turn=date(2026, 7, 2)),
        Candidate(key="longest ago", name="B", turns_so_far=1, last_turn=date(2026, 3, 5)),
    ]
    assert [key for _day, key in plan_rota([date(2026, 9, 3)], people)] == ["longest ago"]
