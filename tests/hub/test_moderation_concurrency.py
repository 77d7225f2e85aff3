"""Two moderators acting on one contribution at the same moment: exactly one wins.

Real on PostgreSQL (two connections racing); on SQLite writes are serialised,
and the conditional UPDATE on (status, version) still refuses the later one.
"""

import pytest

from hub import moderation
from hub.models import AuditEntry, Flag, Status
from tests.concurrency import run_at_once
from tests.factories import SchoolFactory, StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.leaders_app.models import Note


def race(*calls) -> list[str]:
    """Run the calls at once, each on its own database connection; return outcomes."""
    errors = run_at_once(*calls)
    outcomes = [type(error).__name__ for error in errors] + ["done"] * (len(calls) - len(errors))
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_approve_and_hide_at_once_apply_exactly_one():
    school = SchoolFactory()
    first, second = StaffFactory.create_batch(2, school=school, is_moderator=True)
    note = NoteFactory(author=StaffFactory(school=school), status=Status.SUBMITTED)

    def approve():
        moderation.transition(
            Note.objects.get(pk=note.pk), action="approve", actor=first, expected_version=1
        )

    def hide():
        moderation.transition(
            Note.objects.get(pk=note.pk),
            action="hide",
            actor=second,
            reason="No",
            expected_version=1,
        )

    assert race(approve, hide) == ["TransitionRefused", "done"]
    assert Note.objects.get(pk=note.pk).version == 2
    assert AuditEntry.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_flagging_twice_at_once_keeps_one_flag():
    from hub.leaders.flagging import flag_contribution

    school = SchoolFactory()
    flagger = StaffFactory(school=school)
    note = NoteFactory(author=StaffFactory(school=school))

    def flag():
        flag_contribution(contribution=note, staff=flagger, reason="Twice")

    assert race(flag, flag) == ["AlreadyFlagged", "done"]
    assert Flag.objects.count() == 1
