"""A term of the demo school's board: ideas from every corner of the staff, with follow-ups."""

import json
from datetime import datetime, time, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from hub.lib.weeks import Week
from hub.models import RoleGroup, Status
from ideas.board.models import Comment, Idea, IdeaOfTheWeek, Reaction, ReactionKind

WEEKS = 12
THIS_WEEK = 8
CLASSROOM = {RoleGroup.TEACHERS, RoleGroup.TEACHING_ASSISTANTS}
# Each: author (their demo email name), title, note, tags, colour, and reflections
# from colleagues who tried it. Kept as data so this module stays short.
IDEAS = json.loads((Path(__file__).with_name("demo.json")).read_text(encoding="utf-8"))

COMMENTS = [
    "Love this, thank you for sharing!",
    "Could you show me how you set it up? I'll pop in after school.",
    "Brilliant. I'm going to pinch this for my class.",
    "We did something similar in my last school and it worked really well.",
    "Would this work in Key Stage 1 as well, do you think?",
    "This would make a great five-minute input at the next Learning Lunch.",
    "So simple. Why didn't I think of that?",
]

PICK_REASONS = [
    "So simple, and half the staff tried it the same week.",
    "A great idea from outside the classroom that helps everyone.",
    "It made a real difference for the children who find school hardest.",
    "Lots of reflections already: this one is spreading.",
    "",
]


def seed_board(*, school, staff, rng) -> None:
    """A term of ideas, follow-ups and Ideas of the Week; does nothing if the board has ideas."""
    if Idea.objects.filter(school=school).exists() or not staff:
        return
    by_name = {person.email.split("@")[0]: person for person in staff}
    moderators = [person for person in staff if person.is_moderator] or staff[:1]
    now = timezone.now()
    this_week = Week.of_moment(now, school.zone)
    weeks = [Week(this_week.monday - timedelta(weeks=n)) for n in range(WEEKS - 1, -1, -1)]
    with transaction.atomic():
        ideas_by_week: dict = {}
        for number, row in enumerate(IDEAS):
            # A few a week for the term, and the newest eight on this week's board.
            past = len(IDEAS) - THIS_WEEK
            week = weeks[number * (WEEKS - 1) // past] if number < past else weeks[-1]
            author = by_name.get(row["author"]) or rng.choice(staff)
            when = _moment(week, rng, school.zone, now, number)
            idea = _idea(school, author, row, week, when)
            _follow_ups(idea, row["reflections"], author, staff, rng, when, now)
            ideas_by_week.setdefault(week, []).append(idea)
        for week, ideas in ideas_by_week.items():
            _pick(school, week, ideas, moderators, rng, now)


def _moment(week: Week, rng, zone, now, number: int) -> datetime:
    day = week.monday + timedelta(days=rng.randint(0, 4))
    when = datetime.combine(day, time(rng.randint(7, 17), rng.randint(0, 59)), tzinfo=zone)
    if when < now:
        return when
    # This week's notes must not be dated in the future: spread them over the week so far.
    start = datetime.combine(week.monday, time(7), tzinfo=zone)
    start = min(start, now - timedelta(hours=1))
    return start + (now - start) * ((number % THIS_WEEK) + 1) / (THIS_WEEK + 2)


def _idea(school, author, row, week: Week, when: datetime) -> Idea:
    idea = Idea.objects.create(
        school=school,
        author=author,
        title=row["title"],
        note=row["note"],
        colour=row["colour"],
        week=week.monday,
        status=Status.PUBLISHED,
    )
    idea.tags.set(row["tags"])
    Idea.objects.filter(pk=idea.pk).update(created_at=when, updated_at=when)
    return idea


def _follow_ups(idea, reflections, author, staff, rng, when, now) -> None:
    others = [person for person in staff if person.pk != author.pk]
    people = rng.sample(others, k=min(len(others), 8))
    # Reflections talk about classes, so they come from those who teach them.
    in_class = [person for person in others if person.role_group in CLASSROOM] or others
    tried_by = rng.sample(in_class, k=min(len(in_class), len(reflections)))
    people = tried_by + [person for person in people if person not in tried_by]
    created = []
    for text, person in zip(reflections, tried_by, strict=False):
        created.append(
            Reaction.objects.create(
                idea=idea,
                author=person,
                school=idea.school,
                kind=ReactionKind.TRIED,
                reflection=text,
                status=Status.PUBLISHED,
            )
        )
    for person in people[len(tried_by) : len(tried_by) + rng.randint(0, 5)]:
        created.append(
            Reaction.objects.create(
                idea=idea,
                author=person,
                school=idea.school,
                kind=ReactionKind.WILL_TRY,
                status=Status.PUBLISHED,
            )
        )
    for person in rng.sample(others, k=rng.randint(0, 2)):
        created.append(
            Comment.objects.create(
                idea=idea,
                author=person,
                school=idea.school,
                text=rng.choice(COMMENTS),
                status=Status.PUBLISHED,
            )
        )
    for offset, item in enumerate(created, start=1):
        moment = min(when + timedelta(hours=offset * rng.randint(1, 20)), now)
        type(item).objects.filter(pk=item.pk).update(created_at=moment, updated_at=moment)


def _pick(school, week: Week, ideas, moderators, rng, now) -> None:
    favourite = max(ideas, key=lambda idea: (idea.reactions.count(), idea.pk))
    IdeaOfTheWeek.objects.create(
        school=school,
        week=week.monday,
        idea=favourite,
        picked_by=rng.choice(moderators),
        reason=rng.choice(PICK_REASONS),
        picked_at=min(datetime.combine(week.sunday, time(16), tzinfo=school.zone), now),
    )
