"""hub.lib.spreadsheet: no text cell reaches a spreadsheet as a formula."""

import csv
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hub.lib.spreadsheet import FORMULA_STARTS, safe_cell, writer

# What spreadsheets skip before a formula (issue 14: cells starting with spaces or tabs).
LEADS = ["", " ", "   ", "\t", "\r", "\n", "\r\n", " \t ", "\u00a0", "\u3000", "\x00", "\x0b"]


@pytest.mark.parametrize("start", sorted(FORMULA_STARTS))
@pytest.mark.parametrize("lead", LEADS)
def test_a_formula_behind_any_whitespace_stays_text(lead, start):
    value = f'{lead}{start}HYPERLINK("http://evil.example","x")'
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["Ann Able", "Year 3", "2026-09-01", "http://a.example/x", "O'Neil"]
)
def test_ordinary_text_is_left_as_it_is(value):
    assert safe_cell(value) == value


@pytest.mark.parametrize("value", [0, -5, 3.5, None, ""])
def test_numbers_and_empty_cells_are_left_as_they_are(value):
    assert safe_cell(value) == value


def _inert(cell: str) -> bool:
    """How a spreadsheet reads it: after any whitespace or control characters, no formula."""
    if cell.startswith("'"):
        return True
    rest = cell.lstrip("".join(chr(n) for n in range(33)) + "\u00a0\u3000\u2000\u2028")
    return cell == rest and rest[:1] not in FORMULA_STARTS


@given(st.text())
def test_no_text_whatever_its_start_reads_as_a_formula(value):
    assert _inert(safe_cell(value))


def test_the_writer_makes_every_text_cell_of_every_row_safe():
    out = io.StringIO()
    sheet = writer(out)
    sheet.writerow([" =1+1", 2, "\t@SUM(A1)"])
    sheet.writerows([["-1+2", "fine"], ["+3"]])
    assert out.getvalue().startswith("\ufeff")  # the UTF-8 byte order mark, for Excel
    rows = list(csv.reader(io.StringIO(out.getvalue().removeprefix("\ufeff"))))
    assert rows == [["' =1+1", "2", "'\t@SUM(A1)"], ["'-1+2", "fine"], ["'+3"]]
