import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from events.twilights.models import (
    PlaceState,
    SlotLength,
    Twilight,
    TwilightKind,
    TwilightRole,
    TwilightSignUp,
)
from hub.models import Role
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory


def in_days(days: int, hour: int = 16) -> dt.datetime:
    base = timezone.now().replace(minute=0, second=0, microsecond=0)
    return (base + dt.timedelta(days=days)).replace(hour=hour)


def network_of(*schools, leads=()):
    network = NetworkFactory(name="Northshire Learning Trust")
    network.schools.add(*schools)
    network.leads.add(*leads)
    return network


class TwilightFactory(DjangoModelFactory):
    class Meta:
        model = Twilight

    network = factory.LazyAttribute(lambda o: network_of(o.host_school))
    host_school = factory.SubFactory(SchoolFactory)
    kind = TwilightKind.TEACHMEET
    title = "TeachMeet Northshire"
    starts_at = factory.LazyFunction(lambda: in_days(10))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(minutes=90))
    date = factory.LazyAttribute(lambda o: o.starts_at.astimezone(o.host_school.zone).date())
    place = "Library, Oakfield Primary"
    capacity = 20
    presenter_cap = 6
    rounds = 3
    created_by = factory.SubFactory(
        StaffFactory,
        school=factory.SelfAttribute("..host_school"),
        role=Role.HEADTEACHER,
        is_moderator=True,
    )


class SignUpFactory(DjangoModelFactory):
    class Meta:
        model = TwilightSignUp

    twilight = factory.SubFactory(TwilightFactory)
    staff = factory.SubFactory(StaffFactory, school=factory.SelfAttribute("..twilight.host_school"))
    role = TwilightRole.PARTICIPANT
    state = PlaceState.CONFIRMED
    created_at = factory.LazyFunction(timezone.now)


class PresenterFactory(SignUpFactory):
    role = TwilightRole.PRESENTER
    idea_title = factory.Sequence(lambda n: f"Idea {n}")
    idea_summary = "What I do, and why it works."
    slot = SlotLength.NANO
