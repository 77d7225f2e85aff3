"""hub.moderation: the one set of state transitions, their checks and their audit rows."""

import pytest
from django.core.exceptions import PermissionDenied

from hub import moderation
from hub.models import AuditEntry, Status
from tests.factories import StaffFactory
from tests.hub.leaders.notes import note


def test_a_moderator_hides_with_a_reason_and_it_is_logged(moderator, staff):
    item = note(staff, "Exit tickets")
    moderation.transition(item, action="hide", actor=moderator, reason="  Names a pupil ")
    item.refresh_from_db()
    assert item.status == Status.HIDDEN
    assert item.moderation_note == "Names a pupil"
    assert item.version == 2
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.target_title, entry.reason) == (
        moderator,
        "hide",
        "Note: Exit tickets",
        "Names a pupil",
    )
    assert (entry.from_status, entry.to_status, entry.school) == (
        "published",
        "hidden",
        item.school,
    )
    assert entry.target == item


def test_hiding_or_returning_needs_a_reason(moderator, staff):
    item = note(staff, status=Status.SUBMITTED)
    for action in ("hide", "return"):
        with pytest.raises(moderation.TransitionRefused, match="say why"):
            moderation.transition(item, action=action, actor=moderator, reason="  ")
    assert not AuditEntry.objects.exists()


def test_approve_clears_the_note_and_return_sends_it_back(moderator, staff):
    item = note(staff, status=Status.SUBMITTED)
    moderation.transition(item, action="return", actor=moderator, reason="Add an example")
    assert (item.status, item.moderation_note) == (Status.RETURNED, "Add an example")
    moderation.transition(item, action="submit", actor=staff)
    assert item.status == Status.SUBMITTED
    moderation.transition(item, action="approve", actor=moderator)
    assert (item.status, item.moderation_note, item.version) == (Status.PUBLISHED, "", 4)
    # The author's own submit is not a moderator action and is not logged.
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["approve", "return"]


def test_a_stale_version_is_refused_so_no_moderator_overwrites_another(moderator, staff, school):
    item = note(staff, status=Status.SUBMITTED)
    other = StaffFactory(school=school, is_moderator=True)
    moderation.transition(item, action="approve", actor=moderator, expected_version=1)
    stale = type(item).objects.get(pk=item.pk)
    stale.version = 1
    with pytest.raises(moderation.TransitionRefused, match="Someone else changed this"):
        moderation.transition(stale, action="hide", actor=other, reason="x", expected_version=1)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED
    assert AuditEntry.objects.count() == 1


def test_an_action_from_the_wrong_state_is_refused(moderator, staff):
    item = note(staff, status=Status.DRAFT)
    with pytest.raises(moderation.TransitionRefused):
        moderation.transition(item, action="approve", actor=moderator)
    with pytest.raises(moderation.TransitionRefused):
        moderation.transition(item, action="return", actor=moderator, reason="why")


def test_non_moderators_and_other_schools_moderators_may_not_moderate(staff, school_admin):
    item = note(staff, status=Status.SUBMITTED)
    outside_moderator = StaffFactory(is_moderator=True)
    for actor in (staff, school_admin, outside_moderator):
        with pytest.raises(PermissionDenied):
            moderation.transition(item, action="approve", actor=actor)
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_a_deactivated_moderator_may_not_moderate(moderator, staff):
    moderator.is_active = False
    item = note(staff, status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        moderation.transition(item, action="approve", actor=moderator)


def test_only_the_author_submits(staff, moderator):
    item = note(staff, status=Status.DRAFT)
    with pytest.raises(PermissionDenied):
        moderation.transition(item, action="submit", actor=moderator)


def test_celebrating_a_shared_contribution_is_logged(moderator, staff):
    item = note(staff)
    moderation.celebrate(item, actor=moderator, note=" Brilliant ")
    assert item.is_celebrated
    assert item.celebration_note == "Brilliant"
    assert AuditEntry.objects.get().action == "celebrate"


def test_only_shared_contributions_are_celebrated_by_moderators(moderator, staff):
    with pytest.raises(moderation.TransitionRefused):
        moderation.celebrate(note(staff, status=Status.SUBMITTED), actor=moderator, note="")
    with pytest.raises(PermissionDenied):
        moderation.celebrate(note(staff), actor=staff, note="")


def test_new_contributions_start_shared_or_waiting_by_the_schools_mode(school):
    from tests.leaders_app.models import Note

    assert Note.initial_status(school) == Status.PUBLISHED
    school.moderation_mode = "pre"
    assert Note.initial_status(school) == Status.SUBMITTED
