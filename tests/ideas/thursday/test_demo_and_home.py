"""The demo school's Thinking Thursday, and the home page panel."""

from collections import Counter

from django.urls import reverse

from hub.people.demo import seed_demo_school
from ideas.thursday.models import Question, Reply, RotaTurn
from tests.ideas.thursday.factories import QuestionFactory


def test_the_demo_gives_every_member_of_staff_a_turn_and_past_discussions(db):
    school = seed_demo_school()
    turns = RotaTurn.objects.filter(school=school)
    assert len(set(turns.values_list("staff_id", flat=True))) == 30
    assert max(Counter(turns.values_list("staff_id", flat=True)).values()) <= 2
    questions = Question.objects.filter(school=school)
    assert questions.count() >= 6
    assert questions.exclude(summary="").exists()
    assert Reply.objects.filter(school=school).count() >= 20


def test_seeding_the_demo_twice_changes_nothing(db):
    school = seed_demo_school()
    before = (RotaTurn.objects.count(), Question.objects.count(), Reply.objects.count())
    seed_demo_school()
    assert (RotaTurn.objects.count(), Question.objects.count(), Reply.objects.count()) == before
    assert school.pk


def test_the_home_page_shows_this_weeks_question(client_for, staff, school):
    QuestionFactory(school=school, text="What makes a question worth asking?")
    page = client_for(staff).get(reverse("hub:home")).text
    assert "What makes a question worth asking?" in page
