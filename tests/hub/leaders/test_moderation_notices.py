"""Authors hear that their work was hidden or returned, once the undo window has passed."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from hub import moderation
from hub.leaders.moderation_notices import tell_authors_of_moderation
from hub.models import AuditEntry, EmailPreference, Notification, Status
from tests.hub.leaders.notes import note

LATER = moderation.UNDO_WINDOW + timedelta(seconds=1)
# Claim, the item, the notification, its email, a savepoint, and the record that the
# email was sent (hub.tasks.send_email: a retried task does not send it again).
PER_NOTICE = 7


def run_job(at, capture):
    with capture(execute=True):
        return tell_authors_of_moderation(at)


def test_the_author_is_told_of_a_hide_once_it_can_no_longer_be_undone(
    moderator, staff, django_capture_on_commit_callbacks
):
    item = note(staff, "Exit tickets <script>alert(1)</script>")
    moderation.transition(item, action="hide", actor=moderator, reason="It names a pupil")
    acted = AuditEntry.objects.get().created_at

    assert run_job(acted + timedelta(seconds=5), django_capture_on_commit_callbacks) == 0
    assert not Notification.objects.exists() and not mail.outbox

    assert run_job(acted + LATER, django_capture_on_commit_callbacks) == 1
    notice = Notification.objects.get()
    assert notice.recipient == staff
    assert notice.message.startswith("Hidden by a moderator: Note: Exit tickets")
    assert notice.link() == item.get_absolute_url()
    [email] = mail.outbox
    assert email.to == [staff.email]
    assert "Helen Head hid “Note: Exit tickets" in email.body and "It names a pupil" in email.body
    html = email.alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html

    assert run_job(acted + LATER * 2, django_capture_on_commit_callbacks) == 0
    assert Notification.objects.count() == 1 and len(mail.outbox) == 1


def test_a_return_tells_the_author_what_to_change(
    moderator, staff, django_capture_on_commit_callbacks
):
    item = note(staff, "Reading corner", status=Status.SUBMITTED)
    moderation.transition(item, action="return", actor=moderator, reason="Add a photo caption")
    run_job(timezone.now() + LATER, django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert email.subject == "Returned with feedback: Note: Reading corner"
    assert "change it and send it again" in email.body and "Add a photo caption" in email.body


def test_an_undone_hide_is_never_mentioned(moderator, staff, django_capture_on_commit_callbacks):
    item = note(staff)
    moderation.transition(item, action="hide", actor=moderator, reason="Wrong one")
    entry = AuditEntry.objects.get()
    moderation.undo(item, entry=entry, actor=moderator, expected_version=item.version)
    assert run_job(timezone.now() + LATER, django_capture_on_commit_callbacks) == 0
    assert not Notification.objects.exists() and not mail.outbox


def test_hidden_again_after_an_undo_is_told_once(
    moderator, staff, django_capture_on_commit_callbacks
):
    item = note(staff)
    moderation.transition(item, action="hide", actor=moderator, reason="First try")
    moderation.undo(
        item, entry=AuditEntry.objects.get(), actor=moderator, expected_version=item.version
    )
    moderation.transition(item, action="hide", actor=moderator, reason="On reflection, yes")
    assert run_job(timezone.now() + LATER, django_capture_on_commit_callbacks) == 1
    [email] = mail.outbox
    assert "On reflection, yes" in email.body and "First try" not in email.body


@pytest.mark.parametrize("case", ["own work", "deleted", "approved since", "left"])
def test_nobody_is_told_when_there_is_nobody_to_tell(
    case, moderator, staff, django_capture_on_commit_callbacks
):
    item = note(moderator if case == "own work" else staff)
    moderation.transition(item, action="hide", actor=moderator, reason="Not for the board")
    if case == "deleted":
        item.delete()
    elif case == "approved since":
        moderation.transition(item, action="approve", actor=moderator)
    elif case == "left":
        staff.is_active = False
        staff.save()
    assert run_job(timezone.now() + LATER, django_capture_on_commit_callbacks) == 0
    assert not Notification.objects.exists() and not mail.outbox
    assert AuditEntry.objects.filter(action="hide", author_told_at__isnull=False).exists()


def test_a_weekly_reader_is_told_in_the_app_only(
    moderator, staff, django_capture_on_commit_callbacks
):
    staff.email_preference = EmailPreference.WEEKLY
    staff.save()
    moderation.transition(note(staff), action="hide", actor=moderator, reason="Duplicate")
    assert run_job(timezone.now() + LATER, django_capture_on_commit_callbacks) == 1
    assert Notification.objects.filter(recipient=staff).exists() and not mail.outbox


def test_the_job_costs_the_same_few_queries_per_notice(
    moderator, staff, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """One query finds the due actions; each notice then costs a fixed handful (claim,
    the item, the notification, its email, a savepoint), however many are waiting."""
    for n in range(5):
        moderation.transition(note(staff, f"Idea {n}"), action="hide", actor=moderator, reason="x")
    with django_assert_max_num_queries(1 + 5 * PER_NOTICE):
        assert run_job(timezone.now() + LATER, django_capture_on_commit_callbacks) == 5


def test_the_job_is_registered_with_the_periodic_jobs():
    from hub.registry import periodic_jobs

    assert "hub.tell_authors_of_moderation" in [job.name for job in periodic_jobs()]
