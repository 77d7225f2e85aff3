from django.urls import reverse

from hub.models import AuditEntry, Status
from tests.factories import StaffFactory
from tests.hub.leaders.notes import note


def url(item, action):
    return reverse("hub:moderate", args=["leaders_app.note", item.pk, action])


def test_a_moderator_approves_from_the_queue(client_for, moderator, staff, notes_registered):
    item = note(staff, "Waiting", Status.SUBMITTED)
    client = client_for(moderator)
    response = client.post(url(item, "approve"), {"version": item.version})
    assert response.status_code == 302
    assert response.url == reverse("hub:moderation_queue")
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert "You approved “Note: Waiting”." in client.get(response.url).content.decode()


def test_hiding_without_a_reason_changes_nothing_and_says_why(
    client_for, moderator, staff, notes_registered
):
    item = note(staff, status=Status.SUBMITTED)
    client = client_for(moderator)
    response = client.post(url(item, "hide"), {"version": item.version, "reason": ""})
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert "say why" in client.get(response.url).content.decode()


def test_a_stale_page_is_refused(client_for, moderator, staff, notes_registered):
    item = note(staff, status=Status.SUBMITTED, version=3)
    client = client_for(moderator)
    response = client.post(url(item, "return"), {"version": "2", "reason": "More detail"})
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    assert "Someone else changed this" in client.get(response.url).content.decode()
    assert not AuditEntry.objects.exists()


def test_it_goes_back_to_a_safe_next_page_only(client_for, moderator, staff, notes_registered):
    first = note(staff, status=Status.SUBMITTED)
    client = client_for(moderator)
    response = client.post(url(first, "approve"), {"next": "/board/"})
    assert response.url == "/board/"
    second = note(staff, status=Status.SUBMITTED)
    response = client.post(url(second, "approve"), {"next": "https://evil.example/"})
    assert response.url == reverse("hub:moderation_queue")


def test_a_non_moderator_is_refused(client_for, staff, school_admin, notes_registered):
    item = note(staff, status=Status.SUBMITTED)
    assert client_for(school_admin).post(url(item, "approve")).status_code == 403
    assert client_for(staff).post(url(item, "approve")).status_code == 403
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_another_schools_moderator_gets_a_404(client_for, staff, notes_registered):
    item = note(staff, status=Status.SUBMITTED)
    stranger = StaffFactory(is_moderator=True)
    assert client_for(stranger).post(url(item, "approve")).status_code == 404
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_unknown_actions_and_kinds_are_404(client_for, moderator, staff, notes_registered):
    item = note(staff, status=Status.SUBMITTED)
    client = client_for(moderator)
    assert client.post(url(item, "celebrate")).status_code == 404
    assert client.post(url(item, "delete")).status_code == 404
    bad_kind = reverse("hub:moderate", args=["hub.staff", staff.pk, "approve"])
    assert client.post(bad_kind).status_code == 404


def test_it_needs_a_post(client_for, moderator, staff, notes_registered):
    item = note(staff, status=Status.SUBMITTED)
    assert client_for(moderator).get(url(item, "approve")).status_code == 405
