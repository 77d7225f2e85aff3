import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import StaffFactory
from tests.hub.learning.factories import FocusFactory, NoteFactory
from tests.hub.learning.records import one_of_everything
from tests.ideas.board.factories import IdeaFactory

URL = reverse("hub:my_learning")
# Session and user, focuses and their tags, notes and their tags, four per feature source,
# suggestions per tagged kind, recent exports: a fixed number, however long the record.
QUERIES = 40


def test_it_tells_a_person_what_they_did_in_plain_words(client_for, staff, moderator):
    one_of_everything(staff, moderator)
    page = client_for(staff).get(URL).content.decode()
    for words in (
        "Tried <a",
        "<em>Call and response</em>",
        "What happened: The class joined in.",
        "Shared on the board",
        "Attended <a",
        "<em>Metacognition for everyone</em>",
        "<em>Whole-class feedback sheets</em></a> at the learning lunch “Feedback”",
        "<em>Retrieval walls</em></a> for the scrapbook “Autumn 2026”",
        "Posed a Thinking Thursday question",
        "How do we know they know?",
        "Answered the Thinking Thursday question",
        "Autumn term 2026",
    ):
        assert words in page, words


def test_it_shows_only_the_persons_own_record(client_for, staff, moderator):
    one_of_everything(moderator, staff)
    NoteFactory(staff=moderator, text="The head's private thought")
    page = client_for(staff).get(URL).content.decode()
    for theirs in ("Metacognition for everyone", "Retrieval walls", "How do we know", "thought"):
        assert theirs not in page
    assert "Call and response" in page  # the idea Alice herself posted


def test_a_private_note_is_shown_to_its_writer_marked_private(client_for, staff):
    NoteFactory(staff=staff, text="Wait time <b>doubled</b> the hands up.")
    page = client_for(staff).get(URL).content.decode()
    assert "Wait time &lt;b&gt;doubled&lt;/b&gt; the hands up." in page
    assert "Private" in page


def test_adding_a_note_needs_words_and_keeps_html_as_text(client_for, staff):
    client = client_for(staff)
    response = client.post(reverse("hub:add_learning_note"), {"text": "   "})
    assert response.status_code == 400
    assert "Write a sentence or two." in response.content.decode()
    assert not staff.learning_notes.exists()
    client.post(reverse("hub:add_learning_note"), {"text": "x" * 1001})
    assert not staff.learning_notes.exists()
    response = client.post(
        reverse("hub:add_learning_note"), {"text": "<script>alert(1)</script>", "is_private": "on"}
    )
    assert response.status_code == 302
    note = staff.learning_notes.get()
    assert note.is_private
    assert "&lt;script&gt;" in client.get(URL).content.decode()


def test_it_filters_the_record_by_a_focus(client_for, staff, moderator):
    focus = FocusFactory(staff=staff, text="Questioning", tags=["questioning"])
    one_of_everything(staff, moderator)
    page = client_for(staff).get(URL, {"focus": focus.pk}).content.decode()
    assert "Call and response" in page  # the idea tried is tagged questioning
    assert "Lolly-stick questioning" in page  # its title names the focus
    assert "Retrieval walls" not in page
    assert "Metacognition for everyone" not in page


def test_one_of_a_kind_is_worded_in_the_singular(client_for, staff):
    FocusFactory(staff=staff, tags=["oracy"])
    IdeaFactory(author=StaffFactory(school=staff.school), tags=["oracy"])
    page = client_for(staff).get(URL).content.decode()
    assert "1 colleague shared 1 board idea about <strong>oracy</strong>" in page


def test_it_suggests_colleagues_work_on_the_focus_within_the_scoping_rule(
    client_for, staff, moderator, outsider
):
    FocusFactory(staff=staff, tags=["questioning"])
    for _ in range(2):
        IdeaFactory(author=StaffFactory(school=staff.school), tags=["Questioning"])
    IdeaFactory(author=outsider, tags=["questioning"])  # another school's, school-only
    IdeaFactory(author=staff, tags=["questioning"])  # their own
    page = client_for(staff).get(URL).content.decode()
    assert "2 colleagues shared 2 board ideas about <strong>questioning</strong>" in page


@pytest.mark.parametrize("count", [5, 500])
def test_my_learning_runs_a_constant_number_of_queries(
    client_for, staff, moderator, count, django_assert_max_num_queries
):
    FocusFactory(staff=staff, tags=["questioning"])
    one_of_everything(staff, moderator)
    ideas = IdeaFactory.create_batch(count, author=staff, tags=["questioning"])
    client = client_for(staff)
    with django_assert_max_num_queries(QUERIES):
        page = client.get(URL).content.decode()
    assert ideas[-1].title in page


def test_the_query_count_is_the_same_for_5_and_500_entries(client_for, staff, moderator):
    FocusFactory(staff=staff, tags=["questioning"])
    one_of_everything(staff, moderator)
    client = client_for(staff)
    counts = []
    for batch in (5, 495):
        IdeaFactory.create_batch(batch, author=staff, tags=["questioning"])
        with CaptureQueriesContext(connection) as queries:
            assert client.get(URL, {"focus": staff.learning_focuses.get().pk}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1] <= QUERIES
