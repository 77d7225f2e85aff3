"""Races between real connections: row locks on PostgreSQL; on SQLite (a file
test database) writers queue on the database lock. The logic of each race is
also tested with a mock in test_board_services.py."""

import pytest

from ideas.board import services
from ideas.board.models import Idea, IdeaOfTheWeek
from tests.concurrency import run_at_once
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory


@pytest.mark.django_db(transaction=True)
def test_two_moderators_picking_at_once_leave_one_idea_of_the_week(staff, moderator, school):
    deputy = StaffFactory(school=school, is_moderator=True)
    first, second = IdeaFactory(author=staff), IdeaFactory(author=staff)
    errors = run_at_once(
        lambda: services.pick_idea_of_week(idea=first, actor=moderator),
        lambda: services.pick_idea_of_week(idea=second, actor=deputy),
    )
    assert errors == []
    assert IdeaOfTheWeek.objects.count() == 1
    assert IdeaOfTheWeek.objects.get().idea in (first, second)


@pytest.mark.django_db(transaction=True)
def test_one_form_sent_twice_at_once_makes_one_idea(staff):
    values = {"title": "Hinge questions", "note": "All answer.", "tags": [], "colour": "blue"}
    errors = run_at_once(
        lambda: services.idea_create(author=staff, **values),
        lambda: services.idea_create(author=staff, **values),
    )
    assert [type(error) for error in errors] == [services.DuplicateIdea]
    assert Idea.objects.count() == 1
