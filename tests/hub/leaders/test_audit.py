from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hub import moderation
from hub.models import AuditEntry, Status
from tests.factories import StaffFactory
from tests.hub.leaders.factories import note_by_colleague

LOG = "/moderation/log/"


def test_moderators_read_who_did_what_when_and_why(client_for, moderator, school):
    note = note_by_colleague(school, text="Exit tickets on post-its")
    moderation.transition(note, action="hide", actor=moderator, reason="Pupil's name visible")
    body = client_for(moderator).get(LOG).content.decode()
    assert "Helen Head" in body
    assert "Hid" in body
    assert "Note: Exit tickets on post-its" in body
    assert "Pupil&#x27;s name visible" in body


def test_it_filters_by_action_moderator_and_date(client_for, moderator, school):
    other = StaffFactory(school=school, is_moderator=True, full_name="Daniel Deputy")
    first = note_by_colleague(school, text="Alpha idea")
    second = note_by_colleague(school, text="Beta idea")
    moderation.transition(first, action="hide", actor=moderator, reason="r")
    moderation.celebrate(second, actor=other, note="Great")
    AuditEntry.objects.filter(action="hide").update(created_at=timezone.now() - timedelta(days=10))
    client = client_for(moderator)
    assert "Alpha" not in client.get(LOG, {"action": "celebrate"}).content.decode()
    by_other = client.get(LOG, {"moderator": other.pk}).content.decode()
    assert "Beta idea" in by_other and "Alpha idea" not in by_other
    today = timezone.localdate().isoformat()
    recent = client.get(LOG, {"date_from": today}).content.decode()
    assert "Beta idea" in recent and "Alpha idea" not in recent


def test_an_impossible_date_range_says_so(client_for, moderator):
    response = client_for(moderator).get(LOG, {"date_from": "2026-05-02", "date_to": "2026-05-01"})
    assert "The end date is before the start date" in response.content.decode()


def test_staff_get_403(client_for, staff):
    assert client_for(staff).get(LOG).status_code == 403


def test_other_schools_entries_are_not_shown(client_for, moderator, outsider):
    note = note_by_colleague(outsider.school, text="Hillside secret")
    moderation.celebrate(
        note, actor=StaffFactory(school=outsider.school, is_moderator=True), note="x"
    )
    assert "Hillside secret" not in client_for(moderator).get(LOG).content.decode()


@pytest.mark.parametrize("count", [5, 300])
def test_it_pages_with_a_constant_number_of_queries(
    client_for, moderator, school, count, django_assert_max_num_queries
):
    note = note_by_colleague(school, status=Status.PUBLISHED)
    AuditEntry.objects.bulk_create(
        AuditEntry(
            school=school,
            actor=moderator,
            action="celebrate",
            content_type_id=AuditEntry._meta.get_field("content_type")
            .related_model.objects.get_for_model(note)
            .pk,
            object_id=note.pk,
            target_title=f"Entry {n}",
        )
        for n in range(count)
    )
    client = client_for(moderator)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("hub:audit_log"), {"action": "celebrate"})
    assert response.status_code == 200
