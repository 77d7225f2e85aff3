"""The demo school's learning focuses, a private note and an open needs pulse."""

import random

from django.db.models import Count
from django.utils import timezone

from hub.models import LearningFocus, LearningNote, Pulse, PulseAnswer
from hub.models.learning import school_year_of

FOCUSES = {
    "ta@oakfield.example": (
        "Better questions in guided reading groups",
        ["questioning", "reading"],
    ),
    "teacher@oakfield.example": ("Retrieval practice that sticks in Year 4", ["retrieval"]),
    "head@oakfield.example": ("Coaching conversations after drop-ins", ["coaching"]),
}
PULSE_QUESTION = "What would help you most next half-term?"
PULSE_TOPICS = [
    "Behaviour at lunchtime",
    "Questioning",
    "Adaptive teaching and SEND",
    "Phonics refresher",
    "Wellbeing and workload",
]


def seed_learning(*, school, staff: list, rng: random.Random) -> None:
    """Idempotent: focuses only for people without one this year; one pulse, once."""
    year = school_year_of(timezone.localdate(timezone=school.zone))
    by_email = {person.email: person for person in staff}
    has_focus = set(
        LearningFocus.objects.filter(school=school, school_year=year)
        .values("staff_id")
        .annotate(n=Count("pk"))
        .values_list("staff_id", flat=True)
    )
    for email, (text, tags) in FOCUSES.items():
        person = by_email.get(email)
        if person is None or person.pk in has_focus:
            continue
        focus = LearningFocus.objects.create(
            staff=person, school=school, school_year=year, text=text, show_on_profile=True
        )
        focus.tags.set(tags)
        note = LearningNote.objects.create(
            staff=person,
            school=school,
            text="Waiting five seconds after a question doubled the hands up. Keep doing it.",
        )
        note.tags.set(tags[:1])
    if Pulse.objects.filter(school=school).exists():
        return
    head = by_email.get("head@oakfield.example") or next(p for p in staff if p.is_moderator)
    pulse = Pulse.objects.create(
        school=school, created_by=head, question=PULSE_QUESTION, topics=PULSE_TOPICS
    )
    answering = [person for person in staff if person.email != "ta@oakfield.example"]
    for person in rng.sample(answering, k=min(14, len(answering))):
        PulseAnswer.objects.create(
            pulse=pulse,
            staff=person,
            role_group=person.role_group,
            topics=rng.sample(PULSE_TOPICS, k=rng.randint(1, 2)),
            text=rng.choice(["", "", "More time to watch each other teach.", "Short, practical."]),
        )
