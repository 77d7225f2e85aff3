"""Forty people clicking "Sign up" at the same moment, each on their own connection."""

import threading

import pytest
from django.db import connection

from events.models import SignUp, SignUpState
from events.services import cancel_sign_up, sign_up
from tests.events.factories_lunches import LunchFactory, SignUpFactory
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _all_at_once(action, people) -> list[Exception]:
    start = threading.Barrier(len(people))
    errors: list[Exception] = []

    def run(person):
        try:
            start.wait()
            action(person)
        except Exception as error:  # collected so the test can show it
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


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
