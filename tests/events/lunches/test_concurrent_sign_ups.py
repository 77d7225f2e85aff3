"""Forty people clicking "Sign up" at the same moment, each on their own connection."""

import pytest

from events.lunches.models import SignUp, SignUpState
from events.lunches.services import cancel_sign_up, sign_up
from tests.concurrency import run_at_once
from tests.events.lunches.factories import LunchFactory, SignUpFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _all_at_once(action, people) -> list[BaseException]:
    return run_at_once(*(lambda person=person: action(person) for person in people))


def test_forty_simultaneous_sign_ups_fill_ten_places_and_queue_thirty_in_order(school):
    lunch = LunchFactory(school=school, capacity=10)
    people = StaffFactory.create_batch(40, school=school)

    errors = _all_at_once(lambda person: sign_up(lunch_id=lunch.pk, staff=person), people)

    assert errors == []
    entries = list(SignUp.objects.filter(lunch=lunch).order_by("created_at", "pk"))
    assert len(entries) == 40
    assert len({entry.staff_id for entry in entries}) == 40
    assert [entry.state for entry in entries] == (
        [SignUpState.CONFIRMED] * 10 + [SignUpState.WAITLISTED] * 30
    )


def test_concurrent_cancellations_promote_each_waitlisted_person_once(school, mailoutbox):
    lunch = LunchFactory(school=school, capacity=10)
    coming = SignUpFactory.create_batch(10, lunch=lunch, state=SignUpState.CONFIRMED)
    waiting = SignUpFactory.create_batch(15, lunch=lunch, state=SignUpState.WAITLISTED)

    errors = _all_at_once(
        lambda person: cancel_sign_up(lunch_id=lunch.pk, staff=person),
        [entry.staff for entry in coming[:8]],
    )

    assert errors == []
    states = dict(SignUp.objects.filter(lunch=lunch).values_list("pk", "state"))
    assert [states[entry.pk] for entry in waiting] == (
        [SignUpState.CONFIRMED] * 8 + [SignUpState.WAITLISTED] * 7
    )
    assert SignUp.objects.filter(lunch=lunch, state=SignUpState.CONFIRMED).count() == 10
    promoted_emails = sorted(address for message in mailoutbox for address in message.to)
    assert promoted_emails == sorted(entry.staff.email for entry in waiting[:8])
