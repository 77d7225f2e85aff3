from hub.lib.tags import format_tags, parse_tags
from tests.factories import StaffFactory


def test_tags_are_separated_by_commas_only():
    assert parse_tags("retrieval practice,  questioning , ,phonics") == [
        "retrieval practice",
        "questioning",
        "phonics",
    ]


def test_repeats_and_quotes_are_dropped():
    assert parse_tags('"Oracy", oracy,  ORACY ') == ["Oracy"]


def test_tags_show_without_quotes(db):
    member = StaffFactory()
    member.learning_focus.add("retrieval practice", "Behaviour")
    assert format_tags(member.learning_focus.all()) == "Behaviour, retrieval practice"
