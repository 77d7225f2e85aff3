"""Permission rows for Thinking Thursday: questions, replies, the archive and the rota."""

from django.utils import timezone

from ideas.thursday.models import RotaOptOut
from ideas.thursday.swaps import swap_request
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import (
    ClosureFactory,
    QuestionFactory,
    ReplyFactory,
    RotaTurnFactory,
)
from tests.permissions.matrix import Row, World, everyone


def a_colleagues_question(world: World) -> dict:
    return {"pk": QuestionFactory(school=world.school).pk}


def a_colleagues_reply(world: World) -> dict:
    return {"pk": ReplyFactory(question__school=world.school).pk}


def the_staff_members_turn(world: World) -> dict:
    return {"pk": RotaTurnFactory(school=world.school, staff=world.people["staff"]).pk}


def a_swap_request_to_the_staff_member(world: World) -> dict:
    asker = StaffFactory(school=world.school)
    theirs = RotaTurnFactory(school=world.school, staff=asker)
    mine = RotaTurnFactory(school=world.school, staff=world.people["staff"])
    swap = swap_request(turn=theirs, other=mine, by=asker, moment=timezone.now())
    return {"pk": swap.pk}


def a_closure(world: World) -> dict:
    return {"pk": ClosureFactory(school=world.school).pk}


def an_opt_out(world: World) -> dict:
    colleague = StaffFactory(school=world.school)
    opt_out = RotaOptOut.objects.create(school=world.school, staff=colleague, reason="Leave")
    return {"pk": opt_out.pk}


MODERATORS = everyone(403, moderator=200)
POSER_ONLY = everyone(403, staff=200, outsider=404)
NOT_THE_POSER = everyone(403, outsider=404)

ROWS = [
    Row("ideas:thursday", everyone(200)),
    Row("ideas:thursday_archive", everyone(200)),
    Row("ideas:thursday_print", everyone(200)),
    Row("ideas:question_detail", everyone(200, outsider=404), kwargs=a_colleagues_question),
    Row(
        "ideas:edit_question",
        NOT_THE_POSER,
        kwargs=a_colleagues_question,
        note="only the poser edits, and only in the first hour",
    ),
    Row("ideas:summarise_question", NOT_THE_POSER, kwargs=a_colleagues_question),
    Row(
        "ideas:reply",
        everyone(200, outsider=404),
        method="post",
        kwargs=a_colleagues_question,
        note="an empty reply re-renders the page with the error",
    ),
    Row(
        "ideas:builds_on",
        everyone(302, outsider=404),
        method="post",
        kwargs=a_colleagues_reply,
    ),
    Row("ideas:rota", everyone(200)),
    Row("ideas:generate_rota", MODERATORS),
    Row("ideas:write_question", POSER_ONLY, kwargs=the_staff_members_turn),
    Row("ideas:swap_turn", POSER_ONLY, kwargs=the_staff_members_turn),
    Row(
        "ideas:swap_request",
        everyone(403, staff=200, moderator=200, outsider=404),
        kwargs=a_swap_request_to_the_staff_member,
        note="the two colleagues and moderators read it",
    ),
    Row(
        "ideas:answer_swap",
        everyone(403, staff=302, outsider=404),
        method="post",
        kwargs=a_swap_request_to_the_staff_member,
        data=lambda world: {"answer": "decline"},
        note="only the colleague asked answers",
    ),
    Row("ideas:opt_me_out", everyone(302, outsider=302), method="post"),
    Row("ideas:opt_me_in", everyone(302, outsider=302), method="post"),
    Row("ideas:edit_rota_turn", MODERATORS, kwargs=the_staff_members_turn),
    Row("ideas:closure_dates", MODERATORS),
    Row(
        "ideas:delete_closure_date",
        everyone(403, moderator=302),
        method="post",
        kwargs=a_closure,
    ),
    Row("ideas:rota_opt_out", everyone(403, moderator=302), method="post"),
    Row("ideas:rota_opt_in", everyone(403, moderator=302), method="post", kwargs=an_opt_out),
]
