"""My learning is each person's own: leaders see counts, never private words; anonymous
answers are never named; a person's data export holds all of it, leavers' too."""

import io
import json
import zipfile

from django.urls import reverse

from hub.people.personal_data import write_archive
from hub.people.services import staff_deactivate
from tests.hub.learning.factories import FocusFactory, NoteFactory, PulseFactory, answer
from tests.hub.learning.records import one_of_everything


def archive_of(person) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    write_archive(person, buffer)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_leaders_see_a_count_of_notes_never_the_private_words(client_for, staff, moderator):
    NoteFactory(staff=staff, text="I struggled with Year 5 today")
    NoteFactory(staff=staff, text="Wait time helped")
    html = client_for(moderator).get(reverse("hub:dashboard")).content.decode()
    assert "Learning notes" in html
    assert "struggled" not in html and "Wait time" not in html
    csv = client_for(moderator).get(reverse("hub:dashboard_csv")).content.decode()
    assert "Learning notes" in csv and "struggled" not in csv
    profile = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content
    assert b"struggled" not in profile


def test_no_one_opens_another_persons_record(client_for, staff, moderator):
    NoteFactory(staff=staff, text="Alice's private reflection")
    page = client_for(moderator).get(reverse("hub:my_learning")).content.decode()
    assert "private reflection" not in page
    for query in ({"staff": staff.pk}, {"person": staff.pk}, {"pk": staff.pk}):
        page = client_for(moderator).get(reverse("hub:my_learning"), query).content.decode()
        assert "private reflection" not in page


def test_an_anonymous_answer_is_never_named_anywhere_a_leader_looks(client_for, staff, moderator):
    pulse = PulseFactory(created_by=moderator)
    answer(pulse, staff, ["Questioning"], text="Please, more coaching")
    for url in (
        reverse("hub:pulse_results", args=[pulse.pk]),
        reverse("hub:pulses"),
        pulse.get_absolute_url(),
    ):
        html = client_for(moderator).get(url).content.decode()
        assert "Alice" not in html, url


def test_download_my_data_holds_focus_notes_record_and_anonymous_answers(staff, moderator):
    FocusFactory(staff=staff, text="Oracy in every lesson", tags=["oracy"])
    NoteFactory(staff=staff, text="A private note")
    one_of_everything(staff, moderator)
    pulse = PulseFactory(created_by=moderator)
    answer(pulse, staff, ["Questioning"], text="My anonymous wish")
    archive = archive_of(staff)
    focus = json.loads(archive.read("hub.learningfocus.json"))["rows"][0]
    assert focus["text"] == "Oracy in every lesson" and focus["tags"] == ["oracy"]
    assert "A private note" in archive.read("hub.learningnote.json").decode()
    assert "My anonymous wish" in archive.read("hub.pulseanswer.json").decode()
    record = json.loads(archive.read("my_learning.json"))["rows"]
    assert any(row["verb"] == "Tried" and row["title"] == "Call and response" for row in record)
    assert any(row["verb"] == "Attended" for row in record)
    colleague = archive_of(moderator)
    assert "My anonymous wish" not in colleague.read("hub.pulseanswer.json").decode()


def test_a_leavers_record_stays_in_their_export_and_colleagues_replies_stay(
    client_for, staff, moderator, school_admin
):
    one_of_everything(staff, moderator)
    pulse = PulseFactory(created_by=moderator)
    answer(pulse, staff, ["Questioning"], text="Before I left")
    staff_deactivate(staff=staff, by=school_admin)
    record = json.loads(archive_of(staff).read("my_learning.json"))["rows"]
    assert any(row["title"] == "Retrieval walls" for row in record)
    results = client_for(moderator).get(reverse("hub:pulse_results", args=[pulse.pk]))
    assert "Before I left" in results.content.decode()
