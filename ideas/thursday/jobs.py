"""Periodic Thinking Thursday jobs; each runs every minute, so each claims its rows
with a conditional UPDATE and tells people once."""

from datetime import datetime, time, timedelta

from django.urls import reverse

from hub.emails import queue_email
from hub.lib.weeks import Week
from hub.models import NoticeKind, Staff, Status
from hub.notifications import notify
from ideas.thursday.models import Question, RotaTurn, TurnState

REMIND_FROM = time(7, 0)  # Monday, school time
FLAG_FROM = time(12, 0)  # Wednesday, school time
SUMMARY_DUE_AFTER = timedelta(days=4)  # Thursday 07:00 + 4 days = Monday 07:00
SUMMARY_NAG_UNTIL = timedelta(days=21)


def _this_weeks_turns(now: datetime, **filters):
    """Planned turns near `now` (a window wide enough for any time zone)."""
    today = now.date()
    return (
        RotaTurn.objects.filter(
            state=TurnState.PLANNED,
            date__range=(today - timedelta(days=1), today + timedelta(days=4)),
            **filters,
        )
        .select_related("school", "staff")
        .order_by("date")
    )


def _local_week_moment(now: datetime, turn: RotaTurn, weekday: int, at: time) -> bool:
    """Whether it is past `weekday` `at` in the week of the turn's Thursday, school time."""
    zone = turn.school.zone
    week = Week.of_moment(now, zone)
    if turn.date != week.monday + timedelta(days=3):
        return False
    return now >= datetime.combine(week.monday + timedelta(days=weekday), at, tzinfo=zone)


def remind_posers(now: datetime) -> int:
    """Monday: tell this week's poser it is their turn, once."""
    sent = 0
    for turn in _this_weeks_turns(now, reminded_at__isnull=True, staff__is_active=True):
        if not _local_week_moment(now, turn, 0, REMIND_FROM):
            continue
        if not RotaTurn.objects.filter(pk=turn.pk, reminded_at__isnull=True).update(
            reminded_at=now
        ):
            continue
        notify(
            recipient=turn.staff,
            kind=NoticeKind.THURSDAY,
            target=turn,
            target_view="ideas:write_question",
            email_template="thursday_reminder",
            context={
                "turn": turn,
                "write_path": reverse("ideas:write_question", args=[turn.pk]),
            },
        )
        sent += 1
    return sent


def flag_missed_turns(now: datetime) -> int:
    """Wednesday: tell moderators about a turn with no question written yet, once."""
    flagged = 0
    for turn in _this_weeks_turns(now, missed_flagged_at__isnull=True):
        if not _local_week_moment(now, turn, 2, FLAG_FROM):
            continue
        if not RotaTurn.objects.filter(pk=turn.pk, missed_flagged_at__isnull=True).update(
            missed_flagged_at=now
        ):
            continue
        moderators = Staff.objects.filter(
            school_id=turn.school_id, is_moderator=True, is_active=True
        ).values_list("email", flat=True)
        queue_email(
            to=list(moderators),
            template="thursday_missed",
            context={"turn": turn, "rota_path": reverse("ideas:rota")},
        )
        flagged += 1
    return flagged


def remind_summaries(now: datetime) -> int:
    """The Monday after: ask the poser for "what we concluded / what we'll try", once."""
    due = Question.objects.filter(
        status=Status.PUBLISHED,
        summary="",
        summary_reminded_at__isnull=True,
        publish_at__lte=now - SUMMARY_DUE_AFTER,
        publish_at__gt=now - SUMMARY_NAG_UNTIL,
    ).select_related("author")
    sent = 0
    for question in due:
        if not Question.objects.filter(pk=question.pk, summary_reminded_at__isnull=True).update(
            summary_reminded_at=now
        ):
            continue
        notify(
            recipient=question.author,
            kind=NoticeKind.THURSDAY,
            target=question,
            target_view="ideas:summarise_question",
            email_template="thursday_summary_due",
            context={
                "question": question,
                "summary_path": reverse("ideas:summarise_question", args=[question.pk]),
            },
        )
        sent += 1
    return sent
