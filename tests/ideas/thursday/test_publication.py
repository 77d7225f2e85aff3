"""A question appears at 07:00 school time on its Thursday, whatever the clocks did."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideas.thursday.selectors import live_questions, questions_visible_to
from ideas.thursday.services import question_write
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import RotaTurnFactory, london


@pytest.fixture
def poser(school):
    return StaffFactory(school=school, full_name="Priya Poser")


def write_for(turn, poser, *, now):
    return question_write(turn=turn, author=poser, text="Why do we set homework?", now=now)


@pytest.mark.parametrize(
    ("thursday", "utc_hour"),
    [
        (date(2026, 3, 26), 7),  # GMT, the week before the clocks go forward
        (date(2026, 4, 2), 6),  # BST, the week after
        (date(2026, 10, 22), 6),  # BST, the week before the clocks go back
        (date(2026, 10, 29), 7),  # GMT, the week after
    ],
)
def test_publish_time_is_seven_in_the_morning_london_time_across_dst(
    school, poser, staff, thursday, utc_hour
):
    turn = RotaTurnFactory(school=school, staff=poser, date=thursday)
    question = write_for(turn, poser, now=london(2026, 3, 1, 12))
    assert question.publish_at == datetime.combine(thursday, datetime.min.time(), UTC).replace(
        hour=utc_hour
    )
    just_before = london(thursday.year, thursday.month, thursday.day, 6, 59)
    at_seven = london(thursday.year, thursday.month, thursday.day, 7, 0)
    assert question not in live_questions(staff, just_before)
    assert question in live_questions(staff, at_seven)


def test_the_poser_sees_their_scheduled_question_but_colleagues_do_not(school, poser, staff):
    turn = RotaTurnFactory(school=school, staff=poser, date=date(2026, 4, 2))
    question = write_for(turn, poser, now=london(2026, 3, 30, 9))
    before = london(2026, 4, 2, 6, 59)
    assert question in questions_visible_to(poser, before)
    assert question not in questions_visible_to(staff, before)


def test_a_question_written_late_on_its_thursday_appears_at_once(school, poser):
    turn = RotaTurnFactory(school=school, staff=poser, date=date(2026, 4, 2))
    late = london(2026, 4, 2, 10, 30)
    assert write_for(turn, poser, now=late).publish_at == late


@pytest.mark.parametrize(
    ("moment", "shown"),
    [(london(2026, 4, 2, 6, 59), False), (london(2026, 4, 2, 7, 0), True)],
)
def test_the_thinking_thursday_page_shows_the_question_from_seven(
    school, poser, staff, client_for, monkeypatch, moment, shown
):
    turn = RotaTurnFactory(school=school, staff=poser, date=date(2026, 4, 2))
    write_for(turn, poser, now=london(2026, 3, 30, 9))
    monkeypatch.setattr(timezone, "now", lambda: moment)
    client = client_for(staff)
    assert ("Why do we set homework?" in client.get(reverse("ideas:thursday")).text) is shown
    assert ("Why do we set homework?" in client.get(reverse("hub:home")).text) is shown


def test_a_new_york_school_publishes_at_seven_new_york_time(school, poser):
    school.time_zone = "America/New_York"
    school.save()
    turn = RotaTurnFactory(school=school, staff=poser, date=date(2026, 4, 2))
    question = write_for(turn, poser, now=london(2026, 3, 1, 9))
    assert question.publish_at.astimezone(school.zone).hour == 7
    assert question.publish_at - london(2026, 4, 2, 7) == timedelta(hours=5)
