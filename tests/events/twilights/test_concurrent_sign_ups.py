"""Many colleagues from three schools clicking "Sign up" at the same moment, each on their own
connection: the room and the presenter slots never overfill."""

import pytest

from events.twilights.models import PlaceState, TwilightRole, TwilightSignUp
from events.twilights.services import TwilightRefused, cancel_sign_up, sign_up
from tests.concurrency import run_at_once
from tests.events.twilights.factories import SignUpFactory, TwilightFactory, network_of
from tests.factories import SchoolFactory, StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def schools():
    return [SchoolFactory() for _ in range(3)]


@pytest.fixture
def evening(schools):
    return TwilightFactory(
        network=network_of(*schools), host_school=schools[0], capacity=8, presenter_cap=3
    )


def _everyone(schools, each):
    return [
        person for school in schools for person in StaffFactory.create_batch(each, school=school)
    ]


def test_thirty_simultaneous_participants_fill_eight_places_and_queue_the_rest(schools, evening):
    people = _everyone(schools, 10)

    errors = run_at_once(
        *(
            lambda person=person: sign_up(
                twilight_id=evening.pk, staff=person, role=TwilightRole.PARTICIPANT
            )
            for person in people
        )
    )

    assert errors == []
    entries = list(TwilightSignUp.objects.filter(twilight=evening).order_by("created_at", "pk"))
    assert len(entries) == 30 and len({entry.staff_id for entry in entries}) == 30
    assert [entry.state for entry in entries] == (
        [PlaceState.CONFIRMED] * 8 + [PlaceState.WAITLISTED] * 22
    )


def test_twelve_simultaneous_presenters_take_three_slots_and_the_rest_are_refused(schools, evening):
    people = _everyone(schools, 4)

    errors = run_at_once(
        *(
            lambda person=person: sign_up(
                twilight_id=evening.pk,
                staff=person,
                role=TwilightRole.PRESENTER,
                idea_title="Cold calling",
                slot="nano",
            )
            for person in people
        )
    )

    assert len(errors) == 9 and all(isinstance(error, TwilightRefused) for error in errors)
    assert TwilightSignUp.objects.filter(twilight=evening, role=TwilightRole.PRESENTER).count() == 3


def test_the_same_person_clicking_twice_at_once_holds_one_place(schools, evening):
    person = StaffFactory(school=schools[1])

    errors = run_at_once(
        *(
            lambda: sign_up(twilight_id=evening.pk, staff=person, role=TwilightRole.PARTICIPANT)
            for _ in range(4)
        )
    )

    assert errors == []
    assert TwilightSignUp.objects.filter(twilight=evening).count() == 1


def test_simultaneous_cancellations_promote_each_waitlisted_person_once(schools, evening):
    coming = SignUpFactory.create_batch(
        8, twilight=evening, staff__school=schools[1], state=PlaceState.CONFIRMED
    )
    waiting = SignUpFactory.create_batch(
        6, twilight=evening, staff__school=schools[2], state=PlaceState.WAITLISTED
    )

    errors = run_at_once(
        *(
            lambda person=entry.staff: cancel_sign_up(twilight_id=evening.pk, staff=person)
            for entry in coming[:5]
        )
    )

    assert errors == []
    states = dict(TwilightSignUp.objects.values_list("pk", "state"))
    assert [states[entry.pk] for entry in waiting] == (
        [PlaceState.CONFIRMED] * 5 + [PlaceState.WAITLISTED]
    )
    live = TwilightSignUp.objects.filter(twilight=evening, state=PlaceState.CONFIRMED)
    assert live.count() == 8
