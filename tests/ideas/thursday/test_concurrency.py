"""Two moderators saving a rota at the same moment: one waits, neither fails; a swap
accepted twice at once moves the turns once."""

from datetime import date

import pytest
from django.utils import timezone

from ideas.thursday.models import RotaTurn, SwapState, TurnSwap
from ideas.thursday.rota_services import rota_generate
from ideas.thursday.swaps import swap_answer, swap_request
from tests.concurrency import run_at_once
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import RotaTurnFactory


@pytest.mark.django_db(transaction=True)
def test_two_rotas_generated_at_once_leave_one_poser_per_thursday(school, moderator):
    for _ in range(5):
        StaffFactory(school=school)
    second_moderator = StaffFactory(school=school, is_moderator=True)

    def generate(by):
        rota_generate(
            school=school,
            start=date(2031, 1, 6),
            end=date(2031, 3, 28),
            by=by,
            today=date(2031, 1, 6),
            tell_posers=False,
        )

    errors = run_at_once(lambda: generate(moderator), lambda: generate(second_moderator))
    # Row locks on PostgreSQL, the database lock on SQLite's file test database:
    # the second moderator waits for the first, then plans again.
    assert errors == []
    dates = list(RotaTurn.objects.filter(school=school).values_list("date", flat=True))
    assert len(dates) == len(set(dates)) == 12


@pytest.mark.django_db(transaction=True)
def test_accepting_a_swap_twice_at_once_swaps_once(school, staff):
    colleague = StaffFactory(school=school)
    mine = RotaTurnFactory(school=school, staff=staff)
    theirs = RotaTurnFactory(school=school, staff=colleague)
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())

    def accept():
        swap_answer(swap=swap, by=colleague, answer="accept", moment=timezone.now())

    errors = run_at_once(accept, accept)
    assert len(errors) == 1 and "already accepted" in str(errors[0])
    assert RotaTurn.objects.get(pk=mine.pk).staff == colleague
    assert RotaTurn.objects.get(pk=theirs.pk).staff == staff
    assert TurnSwap.objects.get().state == SwapState.ACCEPTED
