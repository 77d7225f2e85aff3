"""Monday reminders, Wednesday missed-turn flags and summary reminders, with time frozen."""

from datetime import date, timedelta

import pytest

from hub.registry import periodic_jobs
from ideas.thursday.jobs import flag_missed_turns, remind_posers, remind_summaries
from ideas.thursday.models import RotaTurn
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import QuestionFactory, RotaTurnFactory, london

THURSDAY = date(2026, 11, 26)


@pytest.fixture
def turn(school, staff):
    return RotaTurnFactory(school=school, staff=staff, date=THURSDAY)


def run_committed(job, moment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return job(moment)


def test_the_poser_is_reminded_once_on_monday_morning(
    turn, staff, mailoutbox, django_capture_on_commit_callbacks
):
    assert (
        run_committed(
            remind_posers, london(2026, 11, 23, 6, 59), django_capture_on_commit_callbacks
        )
        == 0
    )
    assert (
        run_committed(remind_posers, london(2026, 11, 23, 7, 0), django_capture_on_commit_callbacks)
        == 1
    )
    assert (
        run_committed(remind_posers, london(2026, 11, 23, 7, 1), django_capture_on_commit_callbacks)
        == 0
    )
    assert [message.to for message in mailoutbox] == [[staff.email]]
    assert "your turn" in mailoutbox[0].body.lower()
    assert RotaTurn.objects.get(pk=turn.pk).reminded_at is not None


def test_no_reminder_for_the_turn_of_the_week_after(turn, django_capture_on_commit_callbacks):
    assert (
        run_committed(remind_posers, london(2026, 11, 16, 9), django_capture_on_commit_callbacks)
        == 0
    )


def test_leavers_are_not_reminded(turn, staff, mailoutbox, django_capture_on_commit_callbacks):
    staff.is_active = False
    staff.save()
    run_committed(remind_posers, london(2026, 11, 23, 9), django_capture_on_commit_callbacks)
    assert mailoutbox == []


def test_a_missed_turn_is_flagged_to_moderators_on_wednesday_once(
    turn, moderator, school, mailoutbox, django_capture_on_commit_callbacks
):
    second_moderator = StaffFactory(school=school, is_moderator=True)
    flag = flag_missed_turns
    assert run_committed(flag, london(2026, 11, 24, 12), django_capture_on_commit_callbacks) == 0
    assert run_committed(flag, london(2026, 11, 25, 12), django_capture_on_commit_callbacks) == 1
    assert run_committed(flag, london(2026, 11, 25, 13), django_capture_on_commit_callbacks) == 0
    # One message each: no moderator sees the others' addresses.
    assert sorted(m.to for m in mailoutbox) == sorted([[moderator.email], [second_moderator.email]])
    assert all("not written" in m.body for m in mailoutbox)


def test_a_written_question_is_not_flagged(turn, staff, school, django_capture_on_commit_callbacks):
    turn.state = "done"
    turn.save()
    assert (
        run_committed(
            flag_missed_turns, london(2026, 11, 25, 13), django_capture_on_commit_callbacks
        )
        == 0
    )


def test_the_poser_is_asked_for_a_summary_the_monday_after(
    staff, school, mailoutbox, django_capture_on_commit_callbacks
):
    QuestionFactory(school=school, author=staff, publish_at=london(2026, 11, 19, 7))
    remind = remind_summaries
    assert (
        run_committed(remind, london(2026, 11, 23, 6, 59), django_capture_on_commit_callbacks) == 0
    )
    assert (
        run_committed(remind, london(2026, 11, 23, 7, 0), django_capture_on_commit_callbacks) == 1
    )
    assert run_committed(remind, london(2026, 11, 23, 8), django_capture_on_commit_callbacks) == 0
    assert mailoutbox[0].to == [staff.email]


def test_the_jobs_are_registered_with_hub():
    names = {job.name for job in periodic_jobs()}
    assert {"thursday_remind_posers", "thursday_flag_missed_turns"} <= names


def test_jobs_run_from_the_registry_with_a_frozen_clock(turn, django_capture_on_commit_callbacks):
    moment = london(2026, 11, 23, 8) + timedelta(seconds=1)
    with django_capture_on_commit_callbacks(execute=True):
        for job in periodic_jobs():
            job.run(moment)
    assert RotaTurn.objects.get(pk=turn.pk).reminded_at == moment
