"""Board rows for `manage.py seed_scale`: ideas, tags, reactions, comments, Idea of the Week."""

from datetime import timedelta

from django.utils import timezone
from taggit.models import Tag

from hub.lib.bulk import bulk_insert, moment_in, sentence, weekday_of
from hub.models import Status
from hub.ops.scale import contribution_state
from ideas.board.models import (
    Comment,
    Idea,
    IdeaOfTheWeek,
    PostItColour,
    Reaction,
    ReactionKind,
    TaggedIdea,
)

TITLES = [
    ["Mini", "Silent", "Two-minute", "Paired", "Cold-call", "Show-me"],
    ["whiteboard", "retrieval", "think-pair-share", "exit ticket", "debate", "quiz"],
    ["starter", "plenary", "routine", "check", "warm-up"],
]
NOTES = [
    ["Every pupil", "Pairs", "Small groups", "The whole class"],
    ["writes one thing they remember", "answers on whiteboards", "explains to a partner"],
    ["before we start;", "at the end of the lesson;", "after the main input;"],
    ["it shows who needs help at a glance.", "quiet pupils join in.", "it takes two minutes."],
]
REFLECTIONS = [
    ["Tried it with Year 4:", "Used it in maths:", "My group loved it:"],
    ["worked well, I will keep it.", "needed a second go.", "the quiet ones spoke up."],
]
COMMENTS = [
    ["Great idea,", "Love this,", "Thanks,", "Useful,"],
    ["will try tomorrow.", "works for TAs too.", "could we see an example?"],
]
TAGS = ["questioning", "retrieval", "behaviour", "reading", "maths", "oracy", "feedback", "send"]
COLOURS = [colour for colour, _ in PostItColour.choices]


def _ideas(schools, staff_by_school, weeks, rng) -> list[Idea]:
    now = timezone.now()
    ideas = []
    for school in schools:
        people = staff_by_school[school.pk]
        for monday in weeks:
            for _ in range(rng.randint(1, 4)):
                status, visibility = contribution_state(rng)
                created = moment_in(weekday_of(monday, rng), rng, school.zone, not_after=now)
                celebrated = rng.random() < 0.01 and status == Status.PUBLISHED
                ideas.append(
                    Idea(
                        school_id=school.pk,
                        author=rng.choice(people),
                        title=sentence(rng, TITLES)[:80],
                        note=sentence(rng, NOTES),
                        colour=rng.choice(COLOURS),
                        week=monday,
                        status=status,
                        visibility=visibility,
                        created_at=created,
                        updated_at=created,
                        celebrated_at=created + timedelta(days=1) if celebrated else None,
                        celebration_note="Thank you for sharing this." if celebrated else "",
                    )
                )
    _celebrate_picks(ideas, now)
    return bulk_insert(Idea, ideas)


def _first_shared(ideas) -> dict[tuple[int, object], Idea]:
    """The idea each school picks as Idea of the Week: its week's first shared one."""
    first: dict[tuple[int, object], Idea] = {}
    for idea in ideas:
        if idea.status == Status.PUBLISHED:
            first.setdefault((idea.school_id, idea.week), idea)
    return first


def _celebrate_picks(ideas, now) -> None:
    """Every pick is celebrated too, so the home page's celebrations panel has the
    same shape (newest three, all ideas) at any size: equal query counts."""
    for idea in _first_shared(ideas).values():
        idea.celebrated_at = min(idea.created_at + timedelta(minutes=30), now)
        idea.celebration_note = "Our Idea of the Week: thank you!"


def _responses(ideas, staff_by_school, rng) -> tuple[list[Reaction], list[Comment]]:
    now = timezone.now()
    reactions, comments = [], []
    for idea in ideas:
        people = staff_by_school[idea.school_id]
        for author in rng.sample(people, min(len(people), rng.randint(0, 4))):
            kind = ReactionKind.TRIED if rng.random() < 0.4 else ReactionKind.WILL_TRY
            status, _ = contribution_state(rng)
            created = min(idea.created_at + timedelta(hours=rng.randint(1, 120)), now)
            reactions.append(
                Reaction(
                    idea=idea,
                    school_id=idea.school_id,
                    author=author,
                    kind=kind,
                    reflection=sentence(rng, REFLECTIONS) if kind == ReactionKind.TRIED else "",
                    status=status,
                    created_at=created,
                    updated_at=created,
                )
            )
        for _ in range(rng.randint(0, 3)):
            status, _ = contribution_state(rng)
            created = min(idea.created_at + timedelta(hours=rng.randint(1, 72)), now)
            comments.append(
                Comment(
                    idea=idea,
                    school_id=idea.school_id,
                    author=rng.choice(people),
                    text=sentence(rng, COMMENTS),
                    status=status,
                    created_at=created,
                    updated_at=created,
                )
            )
    return reactions, comments


def _picks(ideas, staff_by_school, rng) -> list[IdeaOfTheWeek]:
    """One Idea of the Week per school and week, picked by the headteacher."""
    return [
        IdeaOfTheWeek(
            school_id=school_id,
            week=week,
            idea=idea,
            picked_by=staff_by_school[school_id][0],
            reason="Simple, and everyone can use it tomorrow.",
            picked_at=idea.celebrated_at,
        )
        for (school_id, week), idea in _first_shared(ideas).items()
    ]


def _tags(ideas, rng) -> list[TaggedIdea]:
    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in TAGS]
    return [
        TaggedIdea(content_object=idea, tag=tag)
        for idea in ideas
        for tag in rng.sample(tags, rng.choice([0, 1, 1, 2]))
    ]


def generate_board(schools, staff_by_school, weeks, rng) -> int:
    ideas = _ideas(schools, staff_by_school, weeks, rng)
    reactions, comments = _responses(ideas, staff_by_school, rng)
    written = len(ideas) + len(bulk_insert(Reaction, reactions))
    written += len(bulk_insert(Comment, comments))
    written += len(bulk_insert(IdeaOfTheWeek, _picks(ideas, staff_by_school, rng)))
    return written + len(bulk_insert(TaggedIdea, _tags(ideas, rng)))
