"""Thinking Thursday in the demo school: a term's rota, past discussions, this week's question."""

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from hub.models import School, Staff, Status
from ideas.thursday.models import BuildsOn, Closure, Question, Reply, RotaTurn, TurnState
from ideas.thursday.rota_services import rota_generate

# (question, context, tags, replies, summary)
DEMO_QUESTIONS = [
    (
        "If we stopped marking books tomorrow, what would we lose — and what would we gain?",
        "Our marking policy takes most of us 4–5 hours a week. The EEF review on written "
        "marking found surprisingly little evidence for much of what we do.",
        ["feedback", "workload"],
        [
            "We'd lose the record parents look at during parents' evening — but honestly that's "
            "for them, not the children.",
            "Gain: time to plan better questions. Most of my best feedback is verbal, in the "
            "moment.",
            "As a TA I read the comments to children who can't read them yet. Half the time they "
            "don't remember the lesson the comment is about.",
            "Whole-class feedback sheets have halved my marking in Year 6 and the children act "
            "on them more.",
        ],
        "Most of us think written comments are more for adults than children. We'll trial "
        "whole-class feedback in Years 4–6 for half a term and compare how often pupils act on it.",
    ),
    (
        "What does a child who is 'good at hiding' look like in your room — and how would we know?",
        "Thinking about the children who are never in trouble and never stand out.",
        ["inclusion", "wellbeing"],
        [
            "Neat books, quiet, always 'fine'. Often the last to be asked how they are.",
            "At lunch they orbit the adults rather than join a game. Midday staff see this long "
            "before anyone in class does.",
            "We could ask the office: who is often late, or often collected by someone different?",
            "Children who finish work quickly and never ask a question — I've realised some copy.",
        ],
        "Everyone sees a different part of the child: midday supervisors, office, TAs. We'll add "
        "a 'quiet concerns' line to the weekly briefing so anyone can name a child.",
    ),
    (
        "Is 'behaviour for learning' something we teach, or something we expect?",
        "",
        ["behaviour"],
        [
            "We expect it and then punish its absence. We'd never do that with reading.",
            "Routines are taught in September and then never again. By November they've drifted.",
            "In Reception we teach it every day, explicitly. Maybe the rest of school should too.",
        ],
        "We agreed routines need re-teaching after every holiday. Each class will re-teach two "
        "routines in the first week back, and we'll share what worked.",
    ),
    (
        "How much of our school day is spent waiting — and who is doing the waiting?",
        "Lining up, transitions, waiting for the slowest to finish, waiting for help.",
        ["routines", "time"],
        [
            "I timed it once: 22 minutes a day lining up in KS1.",
            "Children waiting for an adult to check their work before moving on. Success criteria "
            "on the table helped a lot.",
            "The kitchen waits too: when assembly overruns, lunch starts late for 400 children.",
            "TAs wait for instructions at the start of lessons. A 2-minute briefing before the "
            "children come in changes everything.",
        ],
        "Biggest waits: transitions and adults waiting for instructions. We'll try pre-lesson "
        "TA briefings and staggered lining up in KS1 for two weeks.",
    ),
    (
        "What would change if we asked pupils what makes a lesson hard — not what makes it fun?",
        "",
        ["pupil voice", "curriculum"],
        [
            "They'd tell us it's the vocabulary, not the concept. My Year 3s said exactly this "
            "about science.",
            "Some would say 'when it's too easy'. Boredom looks like bad behaviour.",
            "Our pupil council only ever talks about the playground. This would be a better "
            "question for them.",
        ],
        "We'll put the question to the pupil council and each class in the next fortnight, and "
        "bring the answers to a learning lunch.",
    ),
    (
        "Which of our displays does any child actually read?",
        "We spend hours on backing paper and borders every September.",
        ["environment", "workload"],
        [
            "Working walls, yes. The beautiful corridor displays — I'm not sure anyone stops.",
            "The site team spends a week of the summer on displays. Happy to help with working "
            "walls instead.",
            "Children read displays at their own eye level. Ours are mostly above it.",
        ],
        "",
    ),
    (
        "When a parent is angry at the gate, who supports the adult they are angry with?",
        "Thinking about the office team, midday staff and TAs, not only teachers.",
        ["wellbeing", "parents"],
        [
            "Usually nobody — the office just absorbs it.",
            "A simple code word to bring another adult over would help.",
            "Leaders on the gate at pick-up make a big difference. It's the days nobody's there.",
        ],
        "",
    ),
    (
        "What is one thing we do only because we've always done it?",
        "No sacred cows. Office, kitchen, site and classroom all welcome.",
        ["school improvement"],
        [
            "Writing the date and learning objective in every book, every lesson.",
            "Sending paper letters home in book bags — half never arrive.",
            "Sports day on the hottest week of the year.",
            "Weekly spelling tests that don't seem to change how anyone spells in their writing.",
        ],
        "",
    ),
]

THIS_WEEK = (
    "What is one small thing a colleague does that makes your day easier — and have you told them?",
    "Everyone is good at something. Let's notice it this week.",
    ["staff culture"],
)


def seed_thursday(*, school: School, staff: list[Staff], rng: random.Random) -> None:
    today = timezone.localdate(timezone=school.zone)
    with transaction.atomic():
        _seed_closures(school, today)
        if not RotaTurn.objects.filter(school=school).exists():
            moderator = next(person for person in staff if person.is_moderator)
            start = today - timedelta(weeks=len(DEMO_QUESTIONS))
            rota_generate(
                school=school,
                start=start,
                end=today + timedelta(weeks=30),
                by=moderator,
                today=start,
                tell_posers=False,
            )
        _seed_questions(school, staff, rng, today)


def _academic_year(today: date) -> int:
    return today.year if today.month >= 8 else today.year - 1


def _seed_closures(school: School, today: date) -> None:
    year = _academic_year(today)
    spans = [
        (date(year, 10, 26), date(year, 10, 30), "October half-term"),
        (date(year, 12, 21), date(year + 1, 1, 1), "Christmas holiday"),
        (date(year + 1, 1, 2), date(year + 1, 1, 2), "INSET day"),
        (date(year + 1, 2, 16), date(year + 1, 2, 20), "February half-term"),
    ]
    for start, end, reason in spans:
        Closure.objects.get_or_create(
            school=school, first_day=start, defaults={"last_day": end, "reason": reason}
        )


def _seed_questions(school, staff, rng, today: date) -> None:
    this_thursday = today + timedelta(days=(3 - today.weekday()) % 7)
    past = list(
        RotaTurn.objects.filter(school=school, date__lt=this_thursday)
        .select_related("staff", "school")
        .order_by("-date")[: len(DEMO_QUESTIONS)]
    )
    # The most recent Thursdays get the questions still waiting for a summary.
    for turn, content in zip(past, reversed(DEMO_QUESTIONS), strict=False):
        _question_for(turn, content, staff, rng, summarised=bool(content[4]))
    upcoming = RotaTurn.objects.filter(school=school, date=this_thursday).select_related(
        "staff", "school"
    )
    for turn in upcoming:
        _question_for(turn, (*THIS_WEEK, [], ""), staff, rng, summarised=False)


def _question_for(turn, content, staff, rng, *, summarised: bool) -> None:
    if turn.questions.exists():
        return
    text, context, tags, replies, summary = content
    publish_at = turn.publish_moment()
    question = Question.objects.create(
        turn=turn,
        author=turn.staff,
        school=turn.school,
        text=text,
        context=context,
        publish_at=publish_at,
        allow_anonymous=rng.random() < 0.4,
        status=Status.PUBLISHED,
        summary=summary if summarised else "",
        summarised_at=publish_at + timedelta(days=4) if summarised else None,
    )
    question.tags.set(tags)
    RotaTurn.objects.filter(pk=turn.pk).update(state=TurnState.DONE)
    colleagues = [person for person in staff if person.pk != turn.staff_id]
    for index, reply_text in enumerate(replies):
        reply = Reply.objects.create(
            question=question,
            author=rng.choice(colleagues),
            school=turn.school,
            text=reply_text,
            is_anonymous=question.allow_anonymous and rng.random() < 0.3,
            status=Status.PUBLISHED,
        )
        Reply.objects.filter(pk=reply.pk).update(
            created_at=publish_at + timedelta(hours=2 + 5 * index)
        )
        for marker in rng.sample(colleagues, rng.randint(0, 4)):
            if marker.pk != reply.author_id:
                BuildsOn.objects.get_or_create(reply=reply, staff=marker)
