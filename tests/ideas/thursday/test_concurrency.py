"""Two moderators saving a rota at the same moment: one waits, neither fails."""

from datetime import date

import pytest

from ideas.thursday.models import RotaTurn
from ideas.thursday.rota_services import rota_generate
from tests.concurrency import run_at_once
from tests.factories import StaffFactory


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
