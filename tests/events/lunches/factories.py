import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.lunches.models import Input, InputKind, Lunch, SignUp, SignUpState, Takeaway
from hub.models import Status
from tests.factories import SchoolFactory, StaffFactory


def in_days(days: int, hour: int = 12) -> dt.datetime:
    base = timezone.now().replace(minute=0, second=0, microsecond=0)
    return (base + dt.timedelta(days=days)).replace(hour=hour)


class LunchFactory(DjangoModelFactory):
    class Meta:
        model = Lunch

    school = factory.SubFactory(SchoolFactory)
    starts_at = factory.LazyFunction(lambda: in_days(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=45))
    date = factory.LazyAttribute(lambda o: o.starts_at.astimezone(o.school.zone).date())
    room = "Staffroom"
    capacity = 10
    theme = "Retrieval practice"
    created_by = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))


class InputFactory(DjangoModelFactory):
    class Meta:
        model = Input

    lunch = factory.SubFactory(LunchFactory)
    school = factory.SelfAttribute("lunch.school")
    author = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))
    status = Status.PUBLISHED
    title = factory.Sequence(lambda n: f"Input {n}")
    kind = InputKind.FINDING
    summary = "What we found when we tried it."


class TakeawayFactory(DjangoModelFactory):
    class Meta:
        model = Takeaway

    lunch = factory.SubFactory(LunchFactory)
    school = factory.SelfAttribute("lunch.school")
    author = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..school"))
    text = "Start lessons with three quick recall questions."


class SignUpFactory(DjangoModelFactory):
    class Meta:
        model = SignUp

    lunch = factory.SubFactory(LunchFactory)
    staff = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..lunch.school"))
    state = SignUpState.CONFIRMED
    created_at = factory.LazyFunction(timezone.now)
