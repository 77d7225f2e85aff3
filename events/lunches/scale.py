"""Learning-lunch rows for `manage.py seed_scale`: lunches, sign-ups, inputs, takeaways."""

import datetime as dt

from django.utils import timezone

from events.lunches.models import Input, InputKind, Lunch, SignUp, SignUpState, Takeaway
from hub.lib.bulk import bulk_insert
from hub.models import Status

THEMES = ["Retrieval practice", "Adaptive teaching", "Reading for pleasure", "Oracy", ""]
PLATES = [
    ("Samosas", "savoury", ["vegetarian"]),
    ("Fruit salad", "fruit_veg", ["vegan", "gluten_free"]),
    ("Brownies", "sweet", []),
    ("", "", []),
]
# A lunch every other week, and the next two ahead so "upcoming" has some.
EVERY = 2
AHEAD = 2


def _lunches(schools, staff_by_school, weeks, rng) -> list[Lunch]:
    now = timezone.now()
    extra = [weeks[-1] + dt.timedelta(weeks=n) for n in range(1, AHEAD + 1)]
    mondays = [*weeks[::-EVERY][::-1], *extra]
    lunches = []
    for school in schools:
        for monday in mondays:
            day = monday + dt.timedelta(days=2)
            starts = dt.datetime.combine(day, dt.time(12, 15), tzinfo=school.zone)
            past = starts < now
            lunches.append(
                Lunch(
                    school_id=school.pk,
                    date=day,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=45),
                    room=rng.choice(["Staffroom", "Library", "Room 12"]),
                    capacity=rng.randint(10, 20),
                    theme=rng.choice(THEMES),
                    created_by=staff_by_school[school.pk][0],
                    created_at=min(starts - dt.timedelta(days=14), now),
                    reminded_at=starts if past else None,
                    followed_up_at=starts if past else None,
                )
            )
    return bulk_insert(Lunch, lunches)


def _sign_ups(lunches, staff_by_school, rng) -> list[SignUp]:
    """Full lunches with a short waitlist, and a cancellation now and then."""
    sign_ups = []
    for lunch in lunches:
        people = staff_by_school[lunch.school_id]
        wanted = min(len(people), rng.randint(lunch.capacity // 2, lunch.capacity + 4))
        for position, person in enumerate(rng.sample(people, wanted)):
            plate, kind, labels = rng.choice(PLATES)
            state = SignUpState.CONFIRMED if position < lunch.capacity else SignUpState.WAITLISTED
            if rng.random() < 0.05:
                state = SignUpState.CANCELLED
            sign_ups.append(
                SignUp(
                    lunch=lunch,
                    staff=person,
                    state=state,
                    created_at=lunch.created_at + dt.timedelta(minutes=position * 7),
                    cancelled_at=lunch.starts_at if state == SignUpState.CANCELLED else None,
                    plate=plate,
                    plate_kind=kind,
                    dietary_labels=labels,
                )
            )
    return bulk_insert(SignUp, sign_ups)


def _contributions(lunches, staff_by_school, rng) -> tuple[list[Input], list[Takeaway]]:
    now = timezone.now()
    inputs, takeaways = [], []
    for lunch in lunches:
        people = staff_by_school[lunch.school_id]
        inputs.append(
            Input(
                lunch=lunch,
                school_id=lunch.school_id,
                author=rng.choice(people),
                title="What we learned from our retrieval quizzes",
                kind=rng.choice([kind for kind, _ in InputKind.choices]),
                summary="Five minutes on a small classroom project and what it found.",
                status=Status.PUBLISHED,
                created_at=lunch.created_at,
                updated_at=lunch.created_at,
            )
        )
        if lunch.ends_at < now:
            for _ in range(rng.randint(0, 3)):
                moment = lunch.ends_at + dt.timedelta(hours=rng.randint(1, 48))
                takeaways.append(
                    Takeaway(
                        lunch=lunch,
                        school_id=lunch.school_id,
                        author=rng.choice(people),
                        text="Start each lesson with three quick recall questions.",
                        status=Status.PUBLISHED,
                        created_at=min(moment, now),
                        updated_at=min(moment, now),
                    )
                )
    return bulk_insert(Input, inputs), bulk_insert(Takeaway, takeaways)


def generate_lunches(schools, staff_by_school, weeks, rng) -> int:
    lunches = _lunches(schools, staff_by_school, weeks, rng)
    sign_ups = _sign_ups(lunches, staff_by_school, rng)
    inputs, takeaways = _contributions(lunches, staff_by_school, rng)
    return len(lunches) + len(sign_ups) + len(inputs) + len(takeaways)
