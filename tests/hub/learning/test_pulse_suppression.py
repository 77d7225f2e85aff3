"""Small counts of anonymous answers are hidden so that nobody can be picked out, not even
by taking the shown counts from the topic's total."""

from hypothesis import given
from hypothesis import strategies as st

from hub.learning.pulse_results import HIDDEN, SMALLEST_GROUP, TOO_FEW, suppressed_row

GROUPS = ("Teachers", "Teaching assistants", "Support staff", "Office staff", "Leaders")


def test_counts_below_three_including_none_are_not_shown():
    row = suppressed_row(dict(zip(GROUPS, [5, 2, 0, 1, 4], strict=True)))
    assert row == {
        "Teachers": 5,
        "Teaching assistants": TOO_FEW,
        "Support staff": TOO_FEW,
        "Office staff": TOO_FEW,
        "Leaders": 4,
    }


def test_a_lone_small_count_takes_the_smallest_shown_one_with_it():
    row = suppressed_row(dict(zip(GROUPS, [5, 3, 4, 1, 6], strict=True)))
    assert row["Office staff"] is TOO_FEW
    assert row["Teaching assistants"] == HIDDEN
    assert [row["Teachers"], row["Support staff"], row["Leaders"]] == [5, 4, 6]


@given(st.lists(st.integers(min_value=0, max_value=40), min_size=5, max_size=5))
def test_no_small_count_can_be_worked_out_from_the_total(counts):
    row = suppressed_row(dict(zip(GROUPS, counts, strict=True)))
    unknown = [group for group, value in row.items() if value in (TOO_FEW, HIDDEN)]
    small = [group for group, count in zip(GROUPS, counts, strict=True) if count < SMALLEST_GROUP]
    assert set(small) <= set(unknown)
    # The total is public: one unknown cell alone would be total minus the rest.
    assert len(unknown) != 1
