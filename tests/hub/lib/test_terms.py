from datetime import date
from zoneinfo import ZoneInfo

import pytest

from hub.lib.terms import Term, day_bounds, half_term_containing, is_whole_term, range_label


@pytest.mark.parametrize(
    ("day", "name", "start", "end"),
    [
        (date(2026, 11, 23), "Autumn", date(2026, 9, 1), date(2026, 12, 31)),
        (date(2027, 1, 4), "Spring", date(2027, 1, 1), date(2027, 3, 28)),
        (date(2027, 4, 1), "Summer", date(2027, 3, 29), date(2027, 7, 31)),
        (date(2027, 8, 31), "Summer", date(2027, 3, 29), date(2027, 7, 31)),
    ],
)
def test_it_finds_the_term_containing_a_day(day, name, start, end):
    assert Term.containing(day) == Term(name, start, end)


def test_a_whole_term_is_named_and_other_ranges_are_spelled_out():
    assert is_whole_term(date(2026, 9, 1), date(2026, 12, 31))
    assert range_label(date(2026, 9, 1), date(2026, 12, 31)) == "Autumn term 2026"
    assert range_label(date(2026, 9, 1), date(2026, 10, 24)) == "1 Sep 2026 to 24 Oct 2026"


def test_day_bounds_cover_the_whole_last_day_in_school_time():
    start, end = day_bounds(date(2026, 3, 1), date(2026, 3, 31), ZoneInfo("Europe/London"))
    assert start.isoformat() == "2026-03-01T00:00:00+00:00"
    assert end.isoformat() == "2026-04-01T00:00:00+01:00"


@pytest.mark.parametrize(
    ("day", "first", "last"),
    [
        (date(2026, 9, 1), date(2026, 9, 1), date(2026, 10, 31)),
        (date(2026, 10, 31), date(2026, 9, 1), date(2026, 10, 31)),
        (date(2026, 11, 1), date(2026, 11, 1), date(2026, 12, 31)),
        (date(2026, 1, 5), date(2026, 1, 1), date(2026, 2, 17)),
        (date(2026, 7, 20), date(2026, 6, 4), date(2026, 7, 31)),
        # The August holiday belongs to the half-term that just ended.
        (date(2026, 8, 15), date(2026, 6, 4), date(2026, 7, 31)),
    ],
)
def test_half_terms_split_each_term_at_its_middle_day(day, first, last):
    assert half_term_containing(day) == (first, last)
