"""Words: no "---------" in any drop-down, questions that fit the person's job, and counts
that read as English ("No one has built on this yet", never "0 colleagues" or "1 replies")."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from hub.models import Role
from tests.factories import StaffFactory
from tests.permissions.matrix import World
from tests.permissions.test_matrix import ROWS

RAW_EMPTY_CHOICE = re.compile(r"<option[^>]*>\s*-{3,}\s*</option>|>\s*-{5,}\s*<")
BAD_COUNTS = re.compile(
    r"\b0 (colleagues|replies|comments|people|ideas)\b"
    r"|\b1 (colleagues|replies|comments|ideas|places)\b"
)


@pytest.fixture
def world(school, other_school, staff, moderator, school_admin, outsider):
    people = {"staff": staff, "moderator": moderator, "admin": school_admin, "outsider": outsider}
    return World(school=school, other_school=other_school, people=people)


def test_no_page_shows_a_raw_empty_choice_or_a_broken_count(world):
    """Every page the permission matrix opens with a 200, as each person who may open it."""
    seen = 0
    for row in ROWS:
        if row.method != "get":
            continue
        for actor in ("staff", "moderator", "admin"):
            if row.expect[actor] != 200:
                continue
            client = Client()
            client.force_login(world.people[actor])
            url = reverse(row.url_name, kwargs=row.kwargs(world) if row.kwargs else {})
            response = client.get(url)
            if "text/html" not in response.get("Content-Type", ""):
                continue
            body = response.content.decode()
            assert not RAW_EMPTY_CHOICE.search(body), f"{url} as {actor}: raw ---------"
            assert not BAD_COUNTS.search(body), f"{url} as {actor}: {BAD_COUNTS.search(body)[0]}"
            seen += 1
    assert seen > 50


@pytest.mark.parametrize(
    ("role", "question"),
    [
        (Role.TEACHER, "What happened in class?"),
        (Role.TEACHING_ASSISTANT, "What happened in class?"),
        (Role.SUPPORT, "What happened when you tried it?"),
        (Role.OFFICE, "What happened when you tried it?"),
        (Role.HEADTEACHER, "What happened when you tried it?"),
    ],
)
def test_i_tried_it_asks_in_words_that_fit_the_persons_job(client_for, school, role, question):
    from tests.ideas.board.factories import IdeaFactory

    person = StaffFactory(school=school, role=role)
    idea = IdeaFactory(author=StaffFactory(school=school))
    client = client_for(person)
    board = client.get(reverse("ideas:board")).content.decode()
    assert f'for="reflection-{idea.pk}">{question}</label>' in board
    follow_up = client.get(reverse("ideas:how_did_it_go", args=[idea.pk])).content.decode()
    assert question in follow_up
    if role in (Role.SUPPORT, Role.OFFICE):
        assert "in class" not in board and "in class" not in follow_up


def test_a_reply_no_one_built_on_says_so_to_its_author(client_for, school, staff):
    from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory

    question = QuestionFactory(school=school)
    ReplyFactory(question=question, author=staff, text="Mine")
    page = client_for(staff).get(question.get_absolute_url()).content.decode()
    assert "No one has built on this yet" in page
    assert "0 colleagues" not in page


def test_a_lunch_input_offers_no_blank_kind_to_pick():
    from events.lunches.forms import InputForm

    assert "" not in [value for value, _ in InputForm().fields["kind"].choices]
