"""Swaps by request (accept, decline, expiry), opting yourself out, closures as ranges."""

import importlib
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

import ideas.migrations
from hub.models import Notification
from ideas.thursday.models import Closure, RotaOptOut, RotaTurn, SwapState, TurnSwap
from ideas.thursday.rota_services import closure_add, rota_generate
from ideas.thursday.swaps import swap_answer, swap_request
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import ClosureFactory, QuestionFactory, RotaTurnFactory

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def two_turns(school, staff):
    colleague = StaffFactory(school=school, full_name="Carl Cook")
    return (
        RotaTurnFactory(school=school, staff=staff),
        RotaTurnFactory(school=school, staff=colleague),
        colleague,
    )


def test_asking_moves_nothing_and_tells_the_colleague_with_a_link(
    client_for, staff, two_turns, django_capture_on_commit_callbacks
):
    mine, theirs, colleague = two_turns
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(
            reverse("ideas:swap_turn", args=[mine.pk]), {"other": theirs.pk}
        )
    assert response.status_code == 302
    assert RotaTurn.objects.get(pk=mine.pk).staff == staff  # nothing moved yet
    swap = TurnSwap.objects.get()
    assert swap.state == SwapState.PENDING and swap.second_staff == colleague
    assert [m.to for m in mail.outbox] == [[colleague.email]]
    assert swap.get_absolute_url() in mail.outbox[0].body
    assert "Accept or decline" in mail.outbox[0].body
    notice = Notification.objects.get(recipient=colleague)
    assert notice.link() == swap.get_absolute_url()


def test_the_colleague_accepts_and_the_turns_swap(
    client_for, staff, two_turns, django_capture_on_commit_callbacks
):
    mine, theirs, colleague = two_turns
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    client = client_for(colleague)
    page = client.get(swap.get_absolute_url()).content.decode()
    assert "Accept the swap" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("ideas:answer_swap", args=[swap.pk]), {"answer": "accept"})
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.staff, theirs.staff) == (colleague, staff)
    assert mine.swapped_from == f"Swapped with {staff.name}"
    assert TurnSwap.objects.get().state == SwapState.ACCEPTED
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "accepted" in mail.outbox[0].subject


def test_the_colleague_declines_and_nothing_moves(
    client_for, staff, two_turns, django_capture_on_commit_callbacks
):
    mine, theirs, colleague = two_turns
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        client_for(colleague).post(
            reverse("ideas:answer_swap", args=[swap.pk]), {"answer": "decline"}
        )
    assert RotaTurn.objects.get(pk=mine.pk).staff == staff
    assert TurnSwap.objects.get().state == SwapState.DECLINED
    assert "can’t swap" in mail.outbox[0].subject


def test_an_expired_request_does_nothing(client_for, staff, two_turns):
    mine, theirs, colleague = two_turns
    asked = timezone.now() - timedelta(days=4)
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=asked)
    response = client_for(colleague).post(
        reverse("ideas:answer_swap", args=[swap.pk]), {"answer": "accept"}, follow=True
    )
    assert "expired" in response.content.decode()
    assert RotaTurn.objects.get(pk=mine.pk).staff == staff
    assert "lapsed unanswered" in response.content.decode()
    # It no longer blocks a new request for the same turn.
    assert swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now()).pk != swap.pk


def test_a_request_expires_by_the_morning_of_the_earlier_thursday(staff, two_turns):
    mine, theirs, _colleague = two_turns
    thursday = min(mine.date, theirs.date)
    tuesday_noon = datetime.combine(thursday - timedelta(days=2), datetime.min.time(), LONDON)
    tuesday_noon += timedelta(hours=12)
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=tuesday_noon)
    assert swap.expires_at == datetime.combine(thursday, datetime.min.time(), LONDON)
    wednesday = thursday - timedelta(days=1)
    assert swap.expiry_label() == f"the end of {wednesday:%A %-d %B}"


def test_only_the_colleague_asked_answers_and_only_the_asker_withdraws(
    client_for, staff, moderator, two_turns
):
    mine, theirs, colleague = two_turns
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    url = reverse("ideas:answer_swap", args=[swap.pk])
    assert client_for(staff).post(url, {"answer": "accept"}).status_code == 403
    assert client_for(moderator).post(url, {"answer": "accept"}).status_code == 403
    assert client_for(colleague).post(url, {"answer": "cancel"}).status_code == 403
    assert TurnSwap.objects.get().state == SwapState.PENDING
    client_for(staff).post(url, {"answer": "cancel"})
    assert TurnSwap.objects.get().state == SwapState.CANCELLED
    response = client_for(colleague).post(url, {"answer": "accept"}, follow=True)
    assert "already withdrawn" in response.content.decode()
    assert RotaTurn.objects.get(pk=mine.pk).staff == staff


def test_accepting_after_the_rota_changed_moves_nothing(staff, moderator, two_turns):
    mine, theirs, colleague = two_turns
    swap = swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    QuestionFactory(school=mine.school, turn=mine, author=staff)
    with pytest.raises(ValidationError, match="rota changed"):
        swap_answer(swap=swap, by=colleague, answer="accept", moment=timezone.now())
    assert RotaTurn.objects.get(pk=theirs.pk).staff == colleague


def test_one_open_request_per_turn(staff, two_turns, school):
    mine, theirs, _colleague = two_turns
    third = RotaTurnFactory(school=school)
    swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    with pytest.raises(ValidationError, match="already asked"):
        swap_request(turn=mine, other=third, by=staff, moment=timezone.now())


def test_the_rota_lists_open_requests_to_answer(client_for, staff, two_turns):
    mine, theirs, colleague = two_turns
    swap_request(turn=mine, other=theirs, by=staff, moment=timezone.now())
    page = client_for(colleague).get(reverse("ideas:rota")).content.decode()
    assert "Swap requests" in page and "Alice Teacher</strong> asks to swap" in page
    page = client_for(staff).get(reverse("ideas:rota")).content.decode()
    assert "You asked <strong>Carl Cook</strong>" in page


def test_staff_opt_themselves_out_and_back_in(client_for, staff, school, moderator):
    RotaTurnFactory(school=school, staff=staff)
    client = client_for(staff)
    response = client.post(reverse("ideas:opt_me_out"), {"mine-reason": ""}, follow=True)
    page = response.content.decode()
    assert "You are left out of new rotas" in page and "is still planned" in page
    assert RotaOptOut.objects.get(staff=staff).chosen_by_self
    rota_generate(
        school=school,
        start=date(2031, 1, 6),
        end=date(2031, 3, 28),
        by=moderator,
        today=date(2031, 1, 6),
    )
    assert not RotaTurn.objects.filter(staff=staff, date__year=2031).exists()
    response = client.post(reverse("ideas:opt_me_in"), follow=True)
    assert "Welcome back" in response.content.decode()
    assert not RotaOptOut.objects.filter(staff=staff).exists()


def test_an_over_long_opt_out_reason_changes_nothing(client_for, staff):
    response = client_for(staff).post(
        reverse("ideas:opt_me_out"), {"mine-reason": "x" * 201}, follow=True
    )
    assert "Not saved" in response.content.decode()
    assert not RotaOptOut.objects.exists()


def test_overlapping_closures_are_refused_with_the_one_they_clash_with(school):
    closure_add(
        school=school, first_day=date(2030, 12, 21), last_day=date(2031, 1, 2), reason="Christmas"
    )
    with pytest.raises(ValidationError, match="overlaps “Christmas, 21 Dec 2030 – 2 Jan 2031”"):
        closure_add(school=school, first_day=date(2031, 1, 2), last_day=None, reason="INSET")
    assert Closure.objects.count() == 1


def test_holiday_weeks_are_labelled_in_the_rota(client_for, staff, school):
    today = timezone.localdate()
    thursday = today + timedelta(days=(3 - today.weekday()) % 7 or 7)
    RotaTurnFactory(school=school, staff=staff, date=thursday)
    RotaTurnFactory(school=school, staff=staff, date=thursday + timedelta(weeks=3))
    ClosureFactory(
        school=school,
        first_day=thursday + timedelta(days=4),
        last_day=thursday + timedelta(days=17),
        reason="Christmas holiday",
    )
    page = client_for(staff).get(reverse("ideas:rota")).content.decode()
    holiday = page.index("Christmas holiday")
    assert page.index(f'{thursday:%-d}</span> <span class="rota-month">') < holiday
    assert "no Thinking Thursday for 2 weeks" in page


def test_old_single_day_closures_merge_into_holidays(school, other_school):
    # Found by name, not number: migrations are renumbered when branches merge.
    (path,) = Path(ideas.migrations.__file__).parent.glob("*_closure_spells_and_swap_requests.py")
    migration = importlib.import_module(f"ideas.migrations.{path.stem}")

    def day(school, d, reason):
        Closure.objects.create(school=school, first_day=d, last_day=d, reason=reason)

    # Christmas day by day with weekends; a half-term entered as weekdays only.
    for n in range(13):
        day(school, date(2026, 12, 21) + timedelta(days=n), "Christmas holidays")
    for n in (0, 1, 2, 3, 4, 7, 8):
        day(school, date(2027, 2, 15) + timedelta(days=n), "Half-term")
    day(school, date(2027, 2, 25), "Half-term")  # not next to the others: its own row
    day(school, date(2027, 1, 4), "INSET day")
    day(other_school, date(2026, 12, 22), "Christmas holidays")

    from django.apps import apps

    migration.merge_days_into_spells(apps, None)
    spells = [
        (c.first_day, c.last_day, c.reason)
        for c in Closure.objects.filter(school=school).order_by("first_day")
    ]
    assert spells == [
        (date(2026, 12, 21), date(2027, 1, 2), "Christmas holidays"),
        (date(2027, 1, 4), date(2027, 1, 4), "INSET day"),
        (date(2027, 2, 15), date(2027, 2, 23), "Half-term"),
        (date(2027, 2, 25), date(2027, 2, 25), "Half-term"),
    ]
    assert Closure.objects.filter(school=other_school).count() == 1
