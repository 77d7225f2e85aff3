"""Writes for My learning and the needs pulse: keyword-only, validated, atomic."""

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub.content import school_changed
from hub.models import (
    LearningExport,
    LearningExportStatus,
    LearningFocus,
    LearningNote,
    NoticeKind,
    Pulse,
    PulseAnswer,
    School,
    Staff,
)
from hub.models.learning import FOCUSES_PER_YEAR, PULSE_TOPICS_MAX, school_year_of
from hub.notifications import notify_many

EXPORT_LONGEST_DAYS = 3 * 366


def focus_save(
    *, staff, text: str, tags: list[str], show_on_profile: bool, focus: LearningFocus | None = None
) -> LearningFocus:
    """Add a focus for this school year (at most two), or change one."""
    with transaction.atomic():
        # Lock the person's row: two tabs adding a focus at once still make at most two.
        Staff.objects.select_for_update().filter(pk=staff.pk).first()
        if focus is None:
            year = school_year_of(timezone.localdate(timezone=staff.school.zone))
            this_year = LearningFocus.objects.filter(staff_id=staff.pk, school_year=year)
            # The same form sent twice changes the focus it made rather than adding one.
            focus = this_year.filter(text=text).first()
        if focus is None:
            if this_year.count() >= FOCUSES_PER_YEAR:
                raise ValidationError(
                    f"You already have {FOCUSES_PER_YEAR} focuses this year: change one instead."
                )
            focus = LearningFocus(staff=staff, school_id=staff.school_id, school_year=year)
        focus.text = text
        focus.show_on_profile = show_on_profile
        focus.full_clean()
        focus.save()
        focus.tags.set(tags)
    return focus


def focus_delete(*, focus: LearningFocus) -> None:
    focus.delete()


SAME_NOTE_WITHIN = timedelta(minutes=1)


def note_add(*, staff, text: str, tags: list[str], is_private: bool) -> LearningNote:
    """Add a note; the same words sent again within a minute (a double click) add none."""
    recent = LearningNote.objects.filter(
        staff_id=staff.pk, text=text, created_at__gte=timezone.now() - SAME_NOTE_WITHIN
    ).first()
    if recent is not None:
        return recent
    with transaction.atomic():
        note = LearningNote(
            staff=staff, school_id=staff.school_id, text=text, is_private=is_private
        )
        note.full_clean()
        note.save()
        note.tags.set(tags)
        # The participation dashboard (a school fragment) counts learning notes.
        school_changed(staff.school_id)
    return note


def export_request(*, staff, format: str, start: date, end: date) -> LearningExport:
    """Queue the worker to make the file; it notifies the person when it is ready."""
    if end < start:
        raise ValidationError("The end date must be on or after the start date.")
    if (end - start).days > EXPORT_LONGEST_DAYS:
        raise ValidationError("Please choose a period of at most three years.")
    from hub.learning.tasks import make_learning_export

    waiting = LearningExport.objects.filter(
        staff_id=staff.pk,
        format=format,
        start=start,
        end=end,
        status__in=(LearningExportStatus.QUEUED, LearningExportStatus.RUNNING),
    ).first()
    if waiting is not None:  # Asked twice: the file being made is the one they want.
        return waiting
    with transaction.atomic():
        export = LearningExport(staff=staff, format=format, start=start, end=end)
        export.full_clean()
        export.save()
        transaction.on_commit(lambda: make_learning_export.enqueue(export_id=export.pk))
    return export


def clean_topics(topics: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for topic in topics:
        name = " ".join(topic.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    if len(seen) > PULSE_TOPICS_MAX:
        raise ValidationError(f"Please suggest at most {PULSE_TOPICS_MAX} topics.")
    return list(seen.values())


def pulse_open(
    *, school, created_by, question: str, topics: list[str], is_anonymous: bool
) -> Pulse:
    """Open a pulse and tell every active colleague, in one insert however many there are.

    One pulse is open at a time in a school: a second (or the same form sent twice) is
    refused while one is open, under a lock on the school's row.
    """
    with transaction.atomic():
        School.objects.select_for_update().filter(pk=school.pk).first()
        if Pulse.objects.filter(school_id=school.pk, closed_at__isnull=True).exists():
            raise ValidationError("A pulse is already open: close it before opening another.")
        pulse = Pulse(
            school=school,
            created_by=created_by,
            question=question,
            topics=clean_topics(topics),
            is_anonymous=is_anonymous,
        )
        pulse.full_clean()
        pulse.save()
        how = "anonymously, " if is_anonymous else ""
        message = f"A minute of your time: “{question}” Answer {how}in one short form."
        everyone = Staff.objects.filter(school_id=school.pk, is_active=True)
        notify_many(
            kind=NoticeKind.PULSE, notices=[(person, pulse, message) for person in everyone]
        )
    return pulse


def pulse_answer(*, pulse: Pulse, staff, topics: list[str], text: str) -> PulseAnswer:
    """Record (or change) the person's answer while the pulse is open."""
    if not pulse.is_open:
        raise ValidationError("This pulse has closed: thank you all the same.")
    unknown = set(topics) - set(pulse.topics)
    if unknown:
        raise ValidationError("Please choose from the suggested topics.")
    if not topics and not text.strip():
        raise ValidationError("Please choose a topic or write a few words.")
    values = {
        "topics": [topic for topic in pulse.topics if topic in topics],
        "text": text.strip(),
        "role_group": staff.role_group,
        "answered_at": timezone.now(),
    }
    answer = PulseAnswer(pulse=pulse, staff=staff, **values)
    answer.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            answer, _ = PulseAnswer.objects.update_or_create(
                pulse=pulse, staff=staff, defaults=values
            )
    except IntegrityError:  # The same form sent twice at once: the other one made it.
        PulseAnswer.objects.filter(pulse=pulse, staff=staff).update(**values)
        answer = PulseAnswer.objects.get(pulse=pulse, staff=staff)
    return answer


def pulse_close(*, pulse: Pulse, outcome: str) -> bool:
    """Close it once and tell everyone what was chosen because of it; False if it was closed."""
    with transaction.atomic():
        closed = Pulse.objects.filter(pk=pulse.pk, closed_at__isnull=True).update(
            closed_at=timezone.now(), outcome=outcome
        )
        if not closed:
            return False
        pulse.refresh_from_db()
        message = f"Because of your answers to “{pulse.question}”: {outcome}"
        everyone = Staff.objects.filter(school_id=pulse.school_id, is_active=True)
        notify_many(
            kind=NoticeKind.PULSE, notices=[(person, pulse, message) for person in everyone]
        )
    return True
