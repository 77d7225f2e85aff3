"""Registers the test kinds with hub the way ideas and events do (their hooks modules)."""

from django.db.models import Count

from hub.models import Status
from hub.registry import (
    register_contribution,
    register_digest_section,
    register_participation_metric,
    register_profile_section,
)
from tests.leaders_app.models import Attendance, Note, Reply

register_contribution(Note, label="Note", label_plural="Notes")
register_contribution(Reply, label="Reply", label_plural="Replies")


def attendance_counts(school, start, end) -> dict[int, int]:
    rows = (
        Attendance.objects.filter(school=school, attended_at__gte=start, attended_at__lt=end)
        .values("staff_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["staff_id"]: row["n"] for row in rows}


register_participation_metric(
    key="leaders_app.attendance", label="Sessions attended", counts=attendance_counts, order=10
)


def newest_notes(school, week_start, week_end) -> dict | None:
    notes = list(
        Note.objects.filter(
            school=school,
            status=Status.PUBLISHED,
            created_at__gte=week_start,
            created_at__lt=week_end,
        ).order_by("created_at")[:5]
    )
    return {"notes": notes} if notes else None


register_digest_section(
    name="leaders_app.notes",
    template_name="leaders_app/digest_notes.html",
    get_context=newest_notes,
)


def notes_tried(member, viewer) -> dict | None:
    notes = list(Note.objects.visible_to(viewer).filter(author=member, text__startswith="Tried"))
    return {"tried_notes": notes} if notes else None


register_profile_section(
    name="leaders_app.tried",
    template_name="leaders_app/profile_tried.html",
    get_context=notes_tried,
)
