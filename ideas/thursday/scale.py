"""Thinking Thursday rows for `manage.py seed_scale`: rota turns, questions, replies."""

from datetime import datetime, timedelta

from django.utils import timezone

from hub.lib.bulk import bulk_insert, sentence
from hub.ops.scale import contribution_state
from ideas.thursday.models import (
    PUBLISH_TIME,
    REPLIES_OPEN_FOR,
    Question,
    Reply,
    RotaTurn,
    TurnState,
)

QUESTIONS = [
    ["How do you", "What helps you", "When do you"],
    ["check understanding", "get everyone talking", "handle transitions", "give feedback"],
    ["in a busy lesson?", "without marking everything?", "on a Friday afternoon?"],
]
REPLIES = [
    ["I use", "We tried", "Our team likes"],
    ["mini whiteboards", "a visual timer", "cold calling", "a shared checklist"],
    ["and it really helps.", "but only with routines.", "every single day."],
]
FUTURE_TURNS = 4


def _turns(schools, staff_by_school, weeks) -> list[RotaTurn]:
    """A turn every Thursday, each colleague in order; a few planned weeks ahead."""
    today = timezone.localdate()
    extra = [weeks[-1] + timedelta(weeks=n) for n in range(1, FUTURE_TURNS + 1)]
    turns = []
    for school in schools:
        people = staff_by_school[school.pk]
        for index, monday in enumerate([*weeks, *extra]):
            thursday = monday + timedelta(days=3)
            past = thursday < today
            turns.append(
                RotaTurn(
                    school_id=school.pk,
                    date=thursday,
                    staff=people[index % len(people)],
                    state=TurnState.DONE if thursday <= today else TurnState.PLANNED,
                    reminded_at=timezone.now() if past else None,
                )
            )
    return bulk_insert(RotaTurn, turns)


def _questions(turns, schools, rng) -> list[Question]:
    now = timezone.now()
    zones = {school.pk: school.zone for school in schools}
    questions = []
    for turn in turns:
        if turn.state != TurnState.DONE:
            continue
        publish_at = datetime.combine(turn.date, PUBLISH_TIME, tzinfo=zones[turn.school_id])
        written = min(publish_at - timedelta(days=3), now)
        status, visibility = contribution_state(rng)
        closed = publish_at + REPLIES_OPEN_FOR < now
        questions.append(
            Question(
                school_id=turn.school_id,
                author=turn.staff,
                turn=turn,
                text=sentence(rng, QUESTIONS),
                context="Thinking of my Year 5 class this week.",
                publish_at=publish_at,
                allow_anonymous=rng.random() < 0.3,
                status=status,
                visibility=visibility,
                created_at=written,
                updated_at=written,
                summary="We agreed to try two of these next week." if closed else "",
                summarised_at=publish_at + REPLIES_OPEN_FOR if closed else None,
                summary_reminded_at=publish_at + REPLIES_OPEN_FOR if closed else None,
            )
        )
    return bulk_insert(Question, questions)


def _replies(questions, staff_by_school, rng, *, parents=None) -> list[Reply]:
    """Top-level replies, or (with `parents`) answers one level below them."""
    now = timezone.now()
    replies = []
    sources = parents if parents is not None else questions
    for source in sources:
        count = rng.choice([0, 0, 1]) if parents is not None else rng.randint(0, 8)
        for _ in range(count):
            after = source.created_at if parents is not None else source.publish_at
            created = min(after + timedelta(hours=rng.randint(1, 100)), now)
            if created < after:
                continue  # a question not published yet has no replies
            question = source.question if parents is not None else source
            status, _ = contribution_state(rng)
            replies.append(
                Reply(
                    school_id=source.school_id,
                    author=rng.choice(staff_by_school[source.school_id]),
                    question=question,
                    parent=source if parents is not None else None,
                    text=sentence(rng, REPLIES),
                    is_anonymous=question.allow_anonymous and rng.random() < 0.3,
                    status=status,
                    created_at=created,
                    updated_at=created,
                )
            )
    return bulk_insert(Reply, replies)


def generate_thursday(schools, staff_by_school, weeks, rng) -> int:
    turns = _turns(schools, staff_by_school, weeks)
    questions = _questions(turns, schools, rng)
    top = _replies(questions, staff_by_school, rng)
    answers = _replies(questions, staff_by_school, rng, parents=top)
    return len(turns) + len(questions) + len(top) + len(answers)
