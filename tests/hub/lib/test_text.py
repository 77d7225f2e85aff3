import pytest

from hub.lib.text import clean_plain_text, initials, normalise_newlines


def test_it_unifies_line_breaks():
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_it_trims_and_drops_control_characters_but_keeps_tabs_and_lines():
    assert clean_plain_text("  hi\x00 there\x07\r\n\tnext  ") == "hi there\n\tnext"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Helen Okafor", "HO"),
        ("mary-jane o'neil", "MO"),
        ("Zoë", "Z"),
        ("Mrs A. B. Patel", "MP"),
        ("", "?"),
        ("  123 ", "?"),
    ],
)
def test_initials(name, expected):
    assert initials(name) == expected
