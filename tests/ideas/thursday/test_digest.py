"""What Thinking Thursday adds to the weekly digest."""

from datetime import timedelta

from django.utils import timezone

from hub.leaders.digest import render_sections
from hub.lib.weeks import Week
from hub.models import Status
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory


def test_the_digest_carries_this_weeks_question_with_its_reply_count(school):
    now = timezone.now()
    question = QuestionFactory(school=school, text="Is praise overrated?", publish_at=now)
    ReplyFactory(question=question)
    ReplyFactory(question=question, status=Status.HIDDEN)
    sections = render_sections(school, Week.of_moment(now, school.zone))
    text = next(s["text"] for s in sections if "THURSDAY" in s["text"])
    assert "Is praise overrated?" in text
    assert "1 reply so far" in text


def test_a_question_still_scheduled_stays_out_of_the_digest(school):
    now = timezone.now()
    QuestionFactory(school=school, text="Not yet", publish_at=now + timedelta(minutes=5))
    sections = render_sections(school, Week.of_moment(now, school.zone))
    assert not any("Not yet" in s["text"] for s in sections)
