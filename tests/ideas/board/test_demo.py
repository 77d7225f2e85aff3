import random

import pytest

from hub.models import RoleGroup
from hub.people.demo import seed_demo_school
from ideas.board.models import Comment, Idea, IdeaOfTheWeek, Reaction

pytestmark = pytest.mark.django_db


def test_the_demo_term_has_ideas_from_every_role_group_with_follow_ups():
    school = seed_demo_school()
    ideas = Idea.objects.filter(school=school)
    assert ideas.values("week").distinct().count() == 12
    groups = {idea.author.role_group for idea in ideas.select_related("author")}
    assert groups == set(RoleGroup.values)
    assert Reaction.objects.filter(kind="tried").exclude(reflection="").count() >= 15
    assert Comment.objects.exists()
    assert IdeaOfTheWeek.objects.filter(school=school).count() == 12


def test_seeding_twice_adds_nothing():
    school = seed_demo_school()
    counts = (Idea.objects.count(), Reaction.objects.count(), Comment.objects.count())
    from ideas.board.demo import seed_board

    seed_board(school=school, staff=list(school.staff.all()), rng=random.Random(1))
    seed_demo_school()
    assert (Idea.objects.count(), Reaction.objects.count(), Comment.objects.count()) == counts


def test_every_demo_text_fits_the_limits_a_person_would_have():
    from ideas.board.demo import IDEAS

    for row in IDEAS:
        assert 0 < len(row["title"]) <= 80 and 0 < len(row["note"]) <= 500
        assert all(0 < len(text) <= 300 for text in row["reflections"])
