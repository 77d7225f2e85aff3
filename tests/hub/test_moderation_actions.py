from datetime import timedelta

from django.urls import reverse

from hub import moderation
from hub.models import AuditEntry, Flag, Status
from tests.factories import StaffFactory
from tests.hub.leaders.factories import note_by_colleague
from tests.leaders_app.models import Note

HTMX = {"HTTP_HX_REQUEST": "true"}


def act(note, action):
    return reverse("hub:moderate", args=["leaders_app.note", note.pk, action])


def test_approving_publishes_it_and_offers_undo_without_javascript(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    client = client_for(moderator)
    response = client.post(act(note, "approve"), {"version": note.version})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.status == Status.PUBLISHED
    page = client.get(reverse("hub:moderation_queue")).content.decode()
    assert "You approved" in page
    assert "Changed your mind about" in page
    entry = AuditEntry.objects.get(action="approve")
    assert (entry.actor, entry.from_status, entry.to_status) == (
        moderator,
        "submitted",
        "published",
    )


def test_hiding_with_htmx_swaps_in_a_done_row_with_undo(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    response = client_for(moderator).post(
        act(note, "hide"), {"version": note.version, "reason": "Names a pupil"}, **HTMX
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Done" in body and "Undo" in body
    assert "<html" not in body
    note.refresh_from_db()
    assert (note.status, note.moderation_note) == (Status.HIDDEN, "Names a pupil")


def test_returning_needs_feedback(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    client = client_for(moderator)
    response = client.post(act(note, "return"), {"version": note.version, "reason": "  "}, **HTMX)
    assert "Please say why" in response.content.decode()
    note.refresh_from_db()
    assert note.status == Status.SUBMITTED
    client.post(act(note, "return"), {"version": note.version, "reason": "Add a photo?"})
    note.refresh_from_db()
    assert (note.status, note.moderation_note) == (Status.RETURNED, "Add a photo?")


def test_approving_what_another_moderator_just_hid_is_refused(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    stale_version = note.version
    other = StaffFactory(school=school, is_moderator=True)
    moderation.transition(note, action="hide", actor=other, reason="Not suitable")
    response = client_for(moderator).post(
        act(note, "approve"), {"version": stale_version}, follow=True
    )
    assert "Someone else changed this a moment ago" in response.content.decode()
    note.refresh_from_db()
    assert note.status == Status.HIDDEN
    assert not AuditEntry.objects.filter(actor=moderator).exists()


def test_the_stale_refusal_with_htmx_shows_where_it_stands_now(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    stale_version = note.version
    moderation.transition(
        note, action="approve", actor=StaffFactory(school=school, is_moderator=True)
    )
    response = client_for(moderator).post(
        act(note, "hide"), {"version": stale_version, "reason": "x"}, **HTMX
    )
    assert "Someone else changed this a moment ago" in response.content.decode()
    assert Note.objects.get(pk=note.pk).status == Status.PUBLISHED


def test_a_moderator_cannot_act_on_another_schools_content(client_for, outsider, moderator):
    note = note_by_colleague(outsider.school, status=Status.SUBMITTED)
    response = client_for(moderator).post(act(note, "approve"), {"version": note.version})
    assert response.status_code == 404
    assert Note.objects.get(pk=note.pk).status == Status.SUBMITTED


def test_staff_cannot_moderate(client_for, staff, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    assert client_for(staff).post(act(note, "approve")).status_code == 403


def test_hiding_resolves_flags_and_undo_reopens_them(client_for, moderator, staff, school):
    note = note_by_colleague(school)
    Flag.objects.create(school=school, target=note, flagged_by=staff, reason="Rude")
    client = client_for(moderator)
    client.post(act(note, "hide"), {"version": note.version, "reason": "Unkind"}, **HTMX)
    assert not Flag.objects.open().exists()
    entry = AuditEntry.objects.get(action="hide")
    note.refresh_from_db()
    response = client.post(
        reverse("hub:undo_moderation", args=[entry.pk]), {"version": note.version}, **HTMX
    )
    assert "Undone" in response.content.decode()
    note.refresh_from_db()
    assert (note.status, note.moderation_note) == (Status.PUBLISHED, "")
    assert Flag.objects.open().count() == 1
    undo = AuditEntry.objects.get(action="undo")
    assert (undo.from_status, undo.to_status, undo.actor) == ("hidden", "published", moderator)


def test_undo_of_approving_a_hidden_item_restores_the_hide_reason(moderator, school):
    note = note_by_colleague(school)
    moderation.transition(note, action="hide", actor=moderator, reason="Pupil named")
    moderation.transition(note, action="approve", actor=moderator)
    entry = AuditEntry.objects.get(action="approve")
    moderation.undo(note, entry=entry, actor=moderator, expected_version=note.version)
    note.refresh_from_db()
    assert (note.status, note.moderation_note) == (Status.HIDDEN, "Pupil named")


def test_undo_is_refused_after_the_window(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    moderation.transition(note, action="approve", actor=moderator)
    entry = AuditEntry.objects.get(action="approve")
    AuditEntry.objects.filter(pk=entry.pk).update(
        created_at=entry.created_at - timedelta(seconds=30)
    )
    response = client_for(moderator).post(
        reverse("hub:undo_moderation", args=[entry.pk]), {"version": note.version}, follow=True
    )
    assert "Too late to undo" in response.content.decode()
    assert Note.objects.get(pk=note.pk).status == Status.PUBLISHED


def test_undo_is_only_for_the_moderator_who_acted(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    other = StaffFactory(school=school, is_moderator=True)
    moderation.transition(note, action="approve", actor=other)
    entry = AuditEntry.objects.get(action="approve")
    client_for(moderator).post(
        reverse("hub:undo_moderation", args=[entry.pk]), {"version": note.version}
    )
    assert Note.objects.get(pk=note.pk).status == Status.PUBLISHED


def test_undo_twice_is_refused(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    moderation.transition(note, action="approve", actor=moderator)
    entry = AuditEntry.objects.get(action="approve")
    url = reverse("hub:undo_moderation", args=[entry.pk])
    client = client_for(moderator)
    client.post(url, {"version": note.version})
    response = client.post(url, {"version": note.version}, follow=True)
    assert "Someone else changed this" in response.content.decode()
    assert Note.objects.get(pk=note.pk).status == Status.SUBMITTED
    assert AuditEntry.objects.filter(action="undo").count() == 1


def test_undo_of_another_schools_entry_is_a_404(client_for, moderator, outsider):
    note = note_by_colleague(outsider.school, status=Status.SUBMITTED)
    other = StaffFactory(school=outsider.school, is_moderator=True)
    moderation.transition(note, action="approve", actor=other)
    entry = AuditEntry.objects.get(action="approve")
    response = client_for(moderator).post(reverse("hub:undo_moderation", args=[entry.pk]))
    assert response.status_code == 404


def test_dismissing_flags_keeps_it_shared_and_is_audited(client_for, moderator, staff, school):
    note = note_by_colleague(school)
    Flag.objects.create(school=school, target=note, flagged_by=staff, reason="Unsure")
    client = client_for(moderator)
    client.post(act(note, "dismiss_flags"), {"version": note.version})
    flag = Flag.objects.get()
    assert (flag.resolution, flag.resolved_by_entry.action) == ("dismissed", "dismiss_flags")
    assert Note.objects.get(pk=note.pk).status == Status.PUBLISHED
    body = client.get(reverse("hub:moderation_queue")).content.decode()
    assert "Nothing is waiting" in body


def test_the_hide_tool_on_a_detail_page_returns_there(client_for, moderator, school):
    note = note_by_colleague(school)
    response = client_for(moderator).post(
        act(note, "hide"), {"version": note.version, "reason": "Off topic", "next": "/somewhere/"}
    )
    assert response.url == "/somewhere/"


def test_a_colleagues_draft_is_a_404_for_moderator_actions(client_for, moderator, school):
    draft = note_by_colleague(school, status=Status.DRAFT, text="Private draft words")
    client = client_for(moderator)
    response = client.post(act(draft, "hide"), {"version": draft.version, "reason": "x"}, **HTMX)
    assert response.status_code == 404
    celebrate = reverse("hub:celebrate", args=["leaders_app.note", draft.pk])
    assert client.get(celebrate).status_code == 404
