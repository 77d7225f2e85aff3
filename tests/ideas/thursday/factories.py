"""Factories for Thinking Thursday: turns, questions (live by default), replies."""

from datetime import date, datetime, timedelta

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from hub.models import Status
from ideas.thursday.models import Closure, Question, Reply, RotaTurn
from tests.factories import SchoolFactory, StaffFactory


def next_thursday(today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today + timedelta(days=(3 - today.weekday()) % 7 or 7)


class ClosureFactory(DjangoModelFactory):
    class Meta:
        model = Closure

    school = factory.SubFactory(SchoolFactory)
    first_day = factory.LazyFunction(next_thursday)
    last_day = factory.SelfAttribute("first_day")
    reason = "INSET day"


class RotaTurnFactory(DjangoModelFactory):
    class Meta:
        model = RotaTurn

    school = factory.SubFactory(SchoolFactory)
    staff = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))
    date = factory.Sequence(lambda n: next_thursday() + timedelta(weeks=n))


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    author = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))
    text = factory.Sequence(lambda n: f"What would change if we tried idea number {n}?")
    status = Status.PUBLISHED
    # Live since yesterday: replies open, first hour over.
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class ReplyFactory(DjangoModelFactory):
    class Meta:
        model = Reply

    question = factory.SubFactory(QuestionFactory)
    school = factory.SelfAttribute("question.school")
    author = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))
    text = factory.Sequence(lambda n: f"A thought, number {n}.")
    status = Status.PUBLISHED


def london(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo("Europe/London"))
