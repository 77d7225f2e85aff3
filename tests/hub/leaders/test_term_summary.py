"""The term summary leads with what each person shared, linked, never a league table."""

import re

import pytest
from django.urls import reverse

from hub.leaders.selectors import TERM_WORK_SHOWN
from hub.models import Role
from ideas.board.models import ReactionKind
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory
from tests.ideas.scrapbook.factories import ArticleFactory
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory

SUMMARY = "/term-summary/"


def test_each_person_is_listed_with_their_shared_work_linked(client_for, moderator, school):
    cook = StaffFactory(school=school, full_name="Carol Cook", role=Role.SUPPORT, job_title="Cook")
    idea = IdeaFactory(author=cook, title="Soup of the day quiz")
    article = ArticleFactory(author=cook, status="published", title="Lunch hall talk")
    tried = ReactionFactory(idea=idea, author=moderator, kind=ReactionKind.TRIED)
    ReactionFactory(idea=idea, author=StaffFactory(school=school, full_name="Will Try"))
    body = client_for(moderator).get(SUMMARY).content.decode()
    assert 'Carol Cook<span class="term-role">, Cook</span>' in body
    assert f'<a href="{idea.get_absolute_url()}">Board idea: Soup of the day quiz</a>' in body
    assert f'<a href="{article.get_absolute_url()}">Scrapbook article: Lunch hall talk</a>' in body
    assert f'<a href="{tried.get_absolute_url()}">Reflection on' in body
    # A bare "I'll try this" is not sharing, and no one is given a number to compare.
    assert "Will Try" not in body
    assert not re.search(r"\d+ contributions?", body)


def test_a_busy_colleague_shows_the_newest_few_and_how_many_more(client_for, moderator, school):
    author = StaffFactory(school=school, full_name="Busy Bee")
    for n in range(TERM_WORK_SHOWN + 3):
        NoteFactory(author=author, text=f"Idea number {n}")
    body = client_for(moderator).get(SUMMARY).content.decode()
    assert f"Idea number {TERM_WORK_SHOWN + 2}" in body
    assert "Idea number 0<" not in body
    assert "and 3 more" in body


def test_an_anonymous_reply_is_never_named(client_for, moderator, school):
    shy = StaffFactory(school=school, full_name="Shy Sam")
    question = QuestionFactory(school=school, author=moderator, text="What is hard this term?")
    ReplyFactory(question=question, author=shy, is_anonymous=True, text="Marking, honestly.")
    body = client_for(moderator).get(SUMMARY).content.decode()
    assert "Shy Sam" not in body
    assert "Thinking Thursday: What is hard this term?" in body  # the question, its poser's


@pytest.mark.parametrize("per_person", [1, 20])
def test_it_runs_a_constant_number_of_queries(
    client_for, moderator, school, per_person, django_assert_max_num_queries
):
    from hub.registry import contribution_kinds

    people = StaffFactory.create_batch(15, school=school)
    for person in people:
        for _ in range(per_person):
            NoteFactory(author=person)
            ReactionFactory(idea=IdeaFactory(author=person), author=person, kind=ReactionKind.TRIED)
    client = client_for(moderator)
    # Page chrome and the staff; one query per kind (its joins selected with it).
    with django_assert_max_num_queries(8 + len(contribution_kinds())):
        assert client.get(reverse("hub:term_summary")).status_code == 200
