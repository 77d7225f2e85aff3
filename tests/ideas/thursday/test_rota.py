"""Planning, editing and swapping the Thinking Thursday rota."""

from collections import Counter
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse

from hub.models import AuditEntry, Role
from ideas.thursday.models import Closure, RotaOptOut, RotaTurn, TurnState
from ideas.thursday.rota import NoOpenThursdays
from ideas.thursday.rota_services import closure_add, rota_generate, rota_plan
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import ClosureFactory, QuestionFactory, RotaTurnFactory

TERM_START = date(2027, 1, 4)  # a Monday
TERM_END = date(2027, 3, 26)


@pytest.fixture
def whole_staff(school, staff, moderator, school_admin):
    others = [
        StaffFactory(school=school, role=role)
        for role in (Role.TEACHING_ASSISTANT, Role.SUPPORT, Role.OFFICE, Role.SENIOR_LEADER)
    ]
    return [staff, moderator, school_admin, *others]


def generate(school, moderator, start=TERM_START, end=TERM_END, today=TERM_START):
    return rota_generate(school=school, start=start, end=end, by=moderator, today=today)


def test_every_role_gets_a_turn_before_anyone_has_a_second(school, moderator, whole_staff):
    generate(school, moderator)
    turns = list(RotaTurn.objects.filter(school=school).order_by("date"))
    first_round = {turn.staff_id for turn in turns[: len(whole_staff)]}
    assert first_round == {person.pk for person in whole_staff}
    assert {turn.staff.role for turn in turns} >= {
        Role.TEACHING_ASSISTANT,
        Role.SUPPORT,
        Role.OFFICE,
    }
    assert all(turn.date.weekday() == 3 for turn in turns)


def test_closure_dates_are_skipped(school, moderator, whole_staff):
    closure_add(
        school=school, first_day=date(2027, 2, 15), last_day=date(2027, 2, 19), reason="Half-term"
    )
    generate(school, moderator)
    assert not RotaTurn.objects.filter(school=school, date=date(2027, 2, 18)).exists()
    assert RotaTurn.objects.filter(school=school, date=date(2027, 2, 11)).exists()


def test_opted_out_staff_are_left_out(school, moderator, whole_staff, staff):
    RotaOptOut.objects.create(school=school, staff=staff, reason="On maternity leave")
    generate(school, moderator)
    assert not RotaTurn.objects.filter(staff=staff).exists()


def test_leavers_drop_out_of_new_rotas_and_of_upcoming_turns(
    school, moderator, whole_staff, client_for
):
    leaver = whole_staff[-1]
    leaver.is_active = False
    leaver.save()
    generate(school, moderator)
    assert not RotaTurn.objects.filter(staff=leaver).exists()


def test_a_leavers_planned_turn_is_refilled_when_the_rota_is_regenerated(school, moderator, staff):
    leaver = StaffFactory(school=school)
    turn = RotaTurnFactory(school=school, staff=leaver, date=date(2027, 1, 7))
    leaver.is_active = False
    leaver.save()
    generate(school, moderator)
    assert RotaTurn.objects.get(school=school, date=turn.date).staff != leaver


def test_fairness_carries_across_terms(school, moderator, whole_staff):
    generate(school, moderator, end=date(2027, 1, 31))  # 4 Thursdays, 7 staff
    had_a_turn = set(RotaTurn.objects.values_list("staff_id", flat=True))
    generate(
        school, moderator, start=date(2027, 4, 12), end=date(2027, 5, 31), today=date(2027, 4, 12)
    )
    next_term = RotaTurn.objects.filter(date__gte=date(2027, 4, 12)).order_by("date")
    newcomers = [turn.staff_id for turn in next_term[:3]]
    assert not set(newcomers) & had_a_turn


def test_regenerating_keeps_written_and_skipped_turns(school, moderator, whole_staff, staff):
    written = RotaTurnFactory(
        school=school, staff=staff, date=date(2027, 1, 7), state=TurnState.DONE
    )
    QuestionFactory(school=school, author=staff, turn=written)
    skipped = RotaTurnFactory(
        school=school,
        staff=moderator,
        date=date(2027, 1, 14),
        state=TurnState.SKIPPED,
        skip_reason="Trip",
    )
    generate(school, moderator)
    assert RotaTurn.objects.get(pk=written.pk).staff == staff
    assert RotaTurn.objects.get(pk=skipped.pk).state == TurnState.SKIPPED
    counts = Counter(
        RotaTurn.objects.exclude(state=TurnState.SKIPPED).values_list("staff_id", flat=True)
    )
    assert max(counts.values()) - min(counts.values()) <= 1


def test_a_range_with_no_open_thursdays_is_a_clear_error(school, moderator, whole_staff):
    ClosureFactory(school=school, first_day=date(2027, 1, 7))
    with pytest.raises(NoOpenThursdays, match="no open Thursdays"):
        rota_plan(school=school, start=date(2027, 1, 4), end=date(2027, 1, 10), today=TERM_START)


def test_the_moderator_previews_then_saves_the_rota(client_for, moderator, whole_staff, school):
    client = client_for(moderator)
    url = reverse("ideas:generate_rota")
    response = client.post(url, {"start": "2030-01-07", "end": "2030-02-28"})
    assert response.status_code == 200
    assert b"Save this rota" in response.content
    assert "no closure dates in this range" in response.text
    assert not RotaTurn.objects.exists()
    response = client.post(url, {"start": "2030-01-07", "end": "2030-02-28", "confirm": "yes"})
    assert response.status_code == 302
    assert RotaTurn.objects.filter(school=school).count() == 8
    assert AuditEntry.objects.filter(action="generate_rota", actor=moderator).exists()


def test_the_generate_form_explains_a_range_with_no_open_thursday(
    client_for, moderator, whole_staff
):
    response = client_for(moderator).post(
        reverse("ideas:generate_rota"), {"start": "2030-01-07", "end": "2030-01-09"}
    )
    assert "no open Thursdays" in response.content.decode()
    assert not RotaTurn.objects.exists()


def test_a_skipped_turn_needs_a_reason(client_for, moderator, staff, school):
    turn = RotaTurnFactory(school=school, staff=staff)
    response = client_for(moderator).post(
        reverse("ideas:edit_rota_turn", args=[turn.pk]),
        {"staff": staff.pk, "state": "skipped", "skip_reason": ""},
    )
    assert "Say why this turn is skipped" in response.content.decode()
    assert RotaTurn.objects.get(pk=turn.pk).state == TurnState.PLANNED


def test_the_moderator_gives_a_turn_to_someone_else(
    client_for, moderator, staff, school, django_capture_on_commit_callbacks
):
    turn = RotaTurnFactory(school=school, staff=staff)
    colleague = StaffFactory(school=school)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            reverse("ideas:edit_rota_turn", args=[turn.pk]),
            {"staff": colleague.pk, "state": "planned", "skip_reason": ""},
        )
    assert response.status_code == 302
    assert RotaTurn.objects.get(pk=turn.pk).staff == colleague
    assert [message.to for message in mail.outbox] == [[colleague.email]]


def test_swapping_with_a_turn_at_another_school_is_not_found(client_for, staff, school, outsider):
    mine = RotaTurnFactory(school=school, staff=staff)
    elsewhere = RotaTurnFactory(school=outsider.school, staff=outsider)
    response = client_for(staff).post(
        reverse("ideas:swap_turn", args=[mine.pk]), {"other": elsewhere.pk}
    )
    assert response.status_code == 404
    assert RotaTurn.objects.get(pk=elsewhere.pk).staff == outsider


def test_a_colleague_cannot_swap_someone_elses_turn(client_for, staff, school):
    other = RotaTurnFactory(school=school)
    third = RotaTurnFactory(school=school)
    response = client_for(staff).post(
        reverse("ideas:swap_turn", args=[other.pk]), {"other": third.pk}
    )
    assert response.status_code == 403


def test_the_rota_hides_past_turns_and_flags_leavers(client_for, staff, school):
    leaver = StaffFactory(school=school, full_name="Larry Leaver", is_active=False)
    RotaTurnFactory(school=school, staff=leaver)
    RotaTurnFactory(school=school, staff=staff, date=date.today() - timedelta(days=14))
    response = client_for(staff).get(reverse("ideas:rota"))
    page = response.content.decode()
    assert "Has left" in page
    assert "Alice Teacher" not in page.split("Upcoming turns")[1]


def test_a_holiday_is_one_closure_listed_as_a_range(client_for, moderator, school):
    client = client_for(moderator)
    response = client.post(
        reverse("ideas:closure_dates"),
        {"start": "2030-04-01", "end": "2030-04-12", "reason": "Easter holidays"},
    )
    assert response.status_code == 302
    closure = Closure.objects.get(school=school)
    assert (closure.first_day, closure.last_day) == (date(2030, 4, 1), date(2030, 4, 12))
    page = client.get(reverse("ideas:closure_dates")).content.decode()
    assert "1 Apr – 12 Apr 2030" in page and "12 days" in page and "2 skipped" in page


def test_a_closure_ending_before_it_starts_is_refused(client_for, moderator):
    response = client_for(moderator).post(
        reverse("ideas:closure_dates"),
        {"start": "2030-04-12", "end": "2030-04-01", "reason": "Oops"},
    )
    assert "on or after the first day" in response.content.decode()


def test_the_rota_query_count_does_not_grow(
    client_for, staff, school, django_assert_max_num_queries
):
    # The page also reads the person's own opt-out, their swap requests and the
    # holidays between the turns: one query each, whatever their number.
    for _ in range(3):
        RotaTurnFactory(school=school)
    ClosureFactory(school=school, first_day=date.today() + timedelta(weeks=2))
    client = client_for(staff)
    with django_assert_max_num_queries(11):
        client.get(reverse("ideas:rota"))
    for _ in range(20):
        RotaTurnFactory(school=school)
    for weeks in range(3, 15):
        ClosureFactory(school=school, first_day=date.today() + timedelta(weeks=weeks, days=1))
    with django_assert_max_num_queries(11):
        client.get(reverse("ideas:rota"))


def test_a_turn_with_its_question_keeps_its_poser(client_for, moderator, staff, school):
    turn = RotaTurnFactory(school=school, staff=staff, state=TurnState.DONE)
    QuestionFactory(school=school, author=staff, turn=turn)
    response = client_for(moderator).post(
        reverse("ideas:edit_rota_turn", args=[turn.pk]),
        {"staff": moderator.pk, "state": "done", "skip_reason": ""},
    )
    assert "already has its question" in response.text
    assert RotaTurn.objects.get(pk=turn.pk).staff == staff


def test_a_leavers_turn_is_passed_over_when_saying_who_poses_next(client_for, staff, school):
    leaver = StaffFactory(school=school, full_name="Larry Leaver", is_active=False)
    RotaTurnFactory(school=school, staff=leaver, date=date.today() + timedelta(days=1))
    RotaTurnFactory(
        school=school,
        staff=StaffFactory(school=school, full_name="Nadia Next"),
        date=date.today() + timedelta(days=8),
    )
    page = client_for(staff).get(reverse("ideas:thursday")).text
    assert "Nadia Next poses the next question" in page
    assert "Larry Leaver" not in page


def test_moderators_are_told_when_leavers_hold_upcoming_turns(client_for, moderator, school):
    leaver = StaffFactory(school=school, is_active=False)
    RotaTurnFactory(school=school, staff=leaver)
    page = client_for(moderator).get(reverse("ideas:rota")).text
    assert "1 upcoming turn belongs to colleagues who have left" in page
