"""The matching rule in plain Python: why an offer suits an ask, in words, and what is
never suggested (own school, no dates in common, another phase for someone who wants
only theirs), proven on random asks and offers."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from hub.placements.matching import Side, match, ranked

START = date(2027, 1, 11)


def side(**fields) -> Side:
    values = {
        "person_id": 1,
        "school_id": 1,
        "focus": "SEND provision",
        "tags": frozenset({"send"}),
        "phases": frozenset({"primary"}),
        "first_day": START,
        "last_day": START + timedelta(days=20),
        "days": 2,
        "cross_phase": True,
    }
    return Side(**{**values, **fields})


def test_the_same_focus_tags_and_phase_are_explained_in_words():
    found = match(side(), side(person_id=2, school_id=2), {"primary": "Primary"})
    assert found.reasons == (
        "the same focus: SEND provision",
        "1 shared tag: send",
        "Primary, as you asked",
    )
    assert not found.cross_phase and found.score == 6 + 2 + 3


def test_another_phase_is_marked_cross_phase_and_refused_when_not_wanted():
    offer = side(person_id=2, school_id=2, phases=frozenset({"secondary"}), focus="SEND support")
    found = match(side(), offer, {"secondary": "Secondary"})
    assert found.cross_phase
    assert found.reasons == (
        "a focus about “send”",
        "1 shared tag: send",
        "cross-phase: Secondary, a phase you did not choose",
    )
    assert match(side(cross_phase=False), offer) is None


def test_closer_offers_come_first():
    ask = side()
    weaker = side(person_id=2, school_id=2, focus="Provision maps", tags=frozenset())
    stronger = side(person_id=3, school_id=3)
    assert [o for o, _ in ranked(ask, [weaker, stronger], lambda o: o)] == [stronger, weaker]


days = st.integers(min_value=0, max_value=60)
words = st.sampled_from(["SEND provision", "Leading a phase", "Phonics", "Transition", "Maths"])
tag_sets = st.frozensets(st.sampled_from(["send", "phonics", "year 6", "maths"]), max_size=3)
phase_sets = st.frozensets(st.sampled_from(["primary", "secondary", "nursery"]), min_size=1)


@given(
    ask_school=st.integers(1, 3),
    offer_school=st.integers(1, 3),
    ask_focus=words,
    offer_focus=words,
    ask_tags=tag_sets,
    offer_tags=tag_sets,
    ask_phases=phase_sets,
    offer_phases=phase_sets,
    ask_start=days,
    offer_start=days,
    ask_len=days,
    offer_len=days,
    length=st.integers(1, 5),
    open_to_others=st.booleans(),
)
def test_a_suggestion_is_never_one_that_cannot_happen(
    ask_school,
    offer_school,
    ask_focus,
    offer_focus,
    ask_tags,
    offer_tags,
    ask_phases,
    offer_phases,
    ask_start,
    offer_start,
    ask_len,
    offer_len,
    length,
    open_to_others,
):
    ask = side(
        school_id=ask_school,
        focus=ask_focus,
        tags=ask_tags,
        phases=ask_phases,
        first_day=START + timedelta(days=ask_start),
        last_day=START + timedelta(days=ask_start + ask_len),
        days=length,
        cross_phase=open_to_others,
    )
    offer = side(
        person_id=2,
        school_id=offer_school,
        focus=offer_focus,
        tags=offer_tags,
        phases=offer_phases,
        first_day=START + timedelta(days=offer_start),
        last_day=START + timedelta(days=offer_start + offer_len),
    )
    found = match(ask, offer)
    if found is None:
        return
    assert ask_school != offer_school
    overlap_start = max(ask.first_day, offer.first_day)
    overlap_end = min(ask.last_day, offer.last_day)
    assert (overlap_end - overlap_start).days + 1 >= length
    assert found.cross_phase == (not ask_phases & offer_phases)
    assert open_to_others or not found.cross_phase
    assert (
        ask_focus == offer_focus or ask_tags & offer_tags or found.reasons[0].startswith("a focus")
    )
    assert found.score > 0 and found.reasons
