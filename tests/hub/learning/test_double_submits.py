"""A form sent twice (a double click, a resent page) does the thing once."""

import pytest
from django.urls import reverse
from django.utils import timezone

from hub.models import LearningExport, LearningFocus, LearningNote, Pulse, PulseAnswer
from tests.hub.learning.factories import PulseFactory, answer


def test_one_pulse_is_open_at_a_time(client_for, moderator):
    client = client_for(moderator)
    data = {"question": "What would help?", "topics_text": "A\nB", "is_anonymous": "on"}
    client.post(reverse("hub:open_pulse"), data)
    response = client.post(reverse("hub:open_pulse"), data)
    assert "A pulse is already open" in response.content.decode()
    assert Pulse.objects.count() == 1


def test_an_answer_sent_twice_is_one_answer(client_for, staff, moderator):
    pulse = PulseFactory(created_by=moderator)
    for _ in range(2):
        client_for(staff).post(pulse.get_absolute_url(), {"topics": ["Questioning"]})
    assert PulseAnswer.objects.filter(staff=staff).count() == 1


def test_a_focus_sent_twice_is_one_focus(client_for, staff):
    for _ in range(2):
        client_for(staff).post(reverse("hub:add_focus"), {"text": "Oracy", "tags_text": ""})
    assert LearningFocus.objects.count() == 1


def test_a_note_sent_twice_is_one_note(client_for, staff):
    for _ in range(2):
        client_for(staff).post(reverse("hub:add_learning_note"), {"text": "Wait time."})
    assert LearningNote.objects.count() == 1


def test_an_export_asked_for_twice_while_it_waits_is_one_export(client_for, staff):
    today = timezone.localdate().isoformat()
    data = {"format": "csv", "start": today, "end": today}
    first = client_for(staff).post(reverse("hub:request_learning_export"), data)
    second = client_for(staff).post(reverse("hub:request_learning_export"), data)
    assert first.url == second.url
    assert LearningExport.objects.count() == 1


@pytest.mark.parametrize("count", [5, 300])
def test_the_pulse_pages_run_a_constant_number_of_queries(
    client_for, school, moderator, count, django_assert_max_num_queries
):
    from tests.factories import StaffFactory

    pulse = PulseFactory(created_by=moderator)
    for person in StaffFactory.create_batch(count, school=school):
        answer(pulse, person, ["Questioning"], text=f"Words of {person.pk}")
    client = client_for(moderator)
    # Session, user, pulse, answers, and one per topic for the Thinking Thursday action.
    with django_assert_max_num_queries(12):
        assert client.get(reverse("hub:pulse_results", args=[pulse.pk])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("hub:pulses")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(pulse.get_absolute_url()).status_code == 200
