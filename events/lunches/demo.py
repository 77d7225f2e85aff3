"""Demo learning lunches for Oakfield: two past ones with inputs, takeaways and plates,
two coming up with sign-ups (one full, with a waitlist). Idempotent: keyed on the theme."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from events.lunches.models import Input, InputKind, Lunch, PlateKind, SignUp, SignUpState, Takeaway
from hub.models import Status

PLATES = [
    ("Cheese and pickle sandwiches", PlateKind.SAVOURY, ["vegetarian"]),
    ("Homemade flapjacks", PlateKind.SWEET, ["vegan", "dairy_free"]),
    ("Fruit platter", PlateKind.FRUIT_VEG, ["vegan", "gluten_free", "nut_free"]),
    ("Samosas", PlateKind.SAVOURY, ["vegetarian", "halal"]),
    ("Lemon drizzle cake", PlateKind.SWEET, ["vegetarian"]),
    ("Elderflower cordial", PlateKind.DRINKS, ["vegan", "gluten_free"]),
    ("Hummus and crudités", PlateKind.FRUIT_VEG, ["vegan", "gluten_free"]),
    ("Chocolate brownies", PlateKind.SWEET, ["vegetarian", "gluten_free"]),
    ("", "", []),
]

# theme, days from today, capacity, how many sign up, inputs (kind, title, summary)
LUNCHES = [
    (
        "Retrieval practice",
        -21,
        12,
        10,
        [
            (
                InputKind.FINDING,
                "Low-stakes quizzing in Year 4",
                "Three questions at the start "
                "of every maths lesson for six weeks: what happened to our end-of-unit scores.",
            ),
            (
                InputKind.PROJECT,
                "Knowledge organisers in history",
                "Our trial of one-page knowledge organisers with self-quizzing at home.",
            ),
        ],
    ),
    (
        "Oracy across the curriculum",
        -9,
        10,
        9,
        [
            (
                InputKind.QUESTION,
                "Do talk partners help quieter children?",
                "What the research "
                "says about structured talk, and a question for us to try in every phase.",
            ),
            (
                InputKind.FINDING,
                "Sentence stems at lunchtime",
                "Midday supervisors used sentence stems to settle playground disputes.",
            ),
            (InputKind.PROJECT, "Voice 21 pilot", "Where our Year 5 oracy pilot is up to."),
        ],
    ),
    (
        "Feedback that moves learning on",
        6,
        8,
        11,
        [
            (
                InputKind.FINDING,
                "Whole-class feedback sheets",
                "Cutting marking time while children act on feedback more often.",
            ),
        ],
    ),
    ("Metacognition for everyone", 20, 15, 5, []),
]

TAKEAWAYS = [
    "Start every lesson with three quick recall questions.",
    "Give quieter children thinking time before talk partners share.",
    "Use the same sentence stems in class and on the playground.",
    "Try self-quizzing with knowledge organisers as homework.",
]


@transaction.atomic
def seed_lunches(*, school, staff, rng) -> None:
    today = timezone.localdate(timezone=school.zone)
    for theme, days, capacity, signing_up, inputs in LUNCHES:
        if Lunch.objects.filter(school=school, theme=theme).exists():
            continue
        day = _school_day(today + dt.timedelta(days=days), forward=days >= 0)
        _seed_lunch(school, staff, rng, theme, day, capacity, signing_up, inputs)


def _school_day(day: dt.date, *, forward: bool) -> dt.date:
    """Lunches fall on school days: a weekend moves on to Monday, or back to Friday for past
    lunches, so upcoming ones stay upcoming and past ones stay past."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1 if forward else -1)
    return day


def _seed_lunch(school, staff, rng, theme, date, capacity, signing_up, inputs) -> None:
    starts_at = dt.datetime.combine(date, dt.time(12, 15), tzinfo=school.zone)
    past = date < timezone.localdate(timezone=school.zone)
    lunch = Lunch.objects.create(
        school=school,
        date=date,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=45),
        room=rng.choice(["Staffroom", "Library"]),
        capacity=capacity,
        theme=theme,
        created_by=staff[0],
        reminded_at=starts_at if past else None,
        followed_up_at=starts_at if past else None,
    )
    people = rng.sample(staff, signing_up)
    for position, person in enumerate(people):
        plate, kind, labels = rng.choice(PLATES)
        SignUp.objects.create(
            lunch=lunch,
            staff=person,
            plate=plate,
            plate_kind=kind,
            dietary_labels=labels,
            state=SignUpState.CONFIRMED if position < capacity else SignUpState.WAITLISTED,
            created_at=starts_at - dt.timedelta(days=10, minutes=-position),
        )
    for number, (kind, title, summary) in enumerate(inputs):
        unconfirmed = not past and number > 0
        Input.objects.create(
            lunch=lunch,
            school=school,
            author=people[number % len(people)],
            kind=kind,
            title=title,
            summary=summary,
            status=Status.SUBMITTED if unconfirmed else Status.PUBLISHED,
            notes="Slides and the reading list are in the shared drive." if past else "",
        )
    if past:
        for text in rng.sample(TAKEAWAYS, 3):
            Takeaway.objects.create(
                lunch=lunch,
                school=school,
                author=rng.choice(people),
                text=text,
                status=Status.PUBLISHED,
            )
