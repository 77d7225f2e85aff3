"""Rules the database keeps even when two requests race."""

import pytest
from django.db import IntegrityError, transaction

from ideas.thursday.models import BuildsOn, RotaTurn, TurnState
from tests.ideas.thursday.factories import QuestionFactory, ReplyFactory, RotaTurnFactory


def test_a_school_has_one_poser_per_thursday(school, staff, moderator):
    turn = RotaTurnFactory(school=school, staff=staff)
    with pytest.raises(IntegrityError), transaction.atomic():
        RotaTurn.objects.create(school=school, staff=moderator, date=turn.date)


def test_a_skipped_turn_always_has_a_reason(school, staff):
    with pytest.raises(IntegrityError), transaction.atomic():
        RotaTurn.objects.create(
            school=school, staff=staff, date="2030-01-03", state=TurnState.SKIPPED
        )


def test_a_turn_has_one_question(school, staff):
    turn = RotaTurnFactory(school=school, staff=staff)
    QuestionFactory(school=school, author=staff, turn=turn)
    with pytest.raises(IntegrityError), transaction.atomic():
        QuestionFactory(school=school, author=staff, turn=turn)


def test_a_colleague_marks_a_reply_once(school, staff):
    reply = ReplyFactory(question=QuestionFactory(school=school))
    BuildsOn.objects.create(reply=reply, staff=staff)
    with pytest.raises(IntegrityError), transaction.atomic():
        BuildsOn.objects.create(reply=reply, staff=staff)
