"""Weeks run Monday to Sunday in the school's time zone."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.lib.weeks import Week

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize("day", [date(2026, 11, 23), date(2026, 11, 26), date(2026, 11, 29)])
def test_a_week_starts_on_monday_and_ends_on_sunday(day):
    week = Week.containing(day)
    assert week.monday == date(2026, 11, 23)
    assert week.sunday == date(2026, 11, 29)


def test_sunday_night_in_london_is_still_that_week_whatever_utc_says():
    # 23:30 on Sunday 29 March 2026 in London is 22:30 UTC (BST began that morning).
    moment = datetime(2026, 3, 29, 22, 30, tzinfo=UTC)
    assert Week.of_moment(moment, LONDON).monday == date(2026, 3, 23)
    # 23:30 UTC is already Monday 00:30 in London.
    later = datetime(2026, 3, 29, 23, 30, tzinfo=UTC)
    assert Week.of_moment(later, LONDON).monday == date(2026, 3, 30)


def test_bounds_are_local_midnights_across_a_clock_change():
    start, end = Week(date(2026, 3, 23)).bounds(LONDON)
    assert start.utcoffset().total_seconds() == 0
    assert end.utcoffset().total_seconds() == 3600
    real_length = end.astimezone(UTC) - start.astimezone(UTC)
    assert real_length.total_seconds() == 7 * 24 * 3600 - 3600


def test_previous_and_next():
    week = Week(date(2026, 12, 28))
    assert week.next() == Week(date(2027, 1, 4))
    assert week.previous() == Week(date(2026, 12, 21))


@pytest.mark.parametrize(
    ("monday", "label"),
    [
        (date(2026, 11, 9), "9–15 November 2026"),
        (date(2026, 11, 30), "30 Nov – 6 Dec 2026"),
        (date(2026, 12, 28), "28 Dec 2026 – 3 Jan 2027"),
    ],
)
def test_labels_read_naturally(monday, label):
    assert Week(monday).label() == label


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_every_day_falls_inside_its_week(day):
    week = Week.containing(day)
    assert week.monday.weekday() == 0
    assert week.monday <= day <= week.sunday
