"""The TeachMeet draw (on the record, redraw only before the night), its big screen, and the
Speed Learning table plan."""

import pytest
from django.urls import reverse

from events.twilights import services
from events.twilights.draw import running_order
from events.twilights.models import TablePlan, TwilightDraw
from tests.events.twilights.factories import (
    PresenterFactory,
    SignUpFactory,
    TwilightFactory,
    in_days,
)
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_the_same_seed_draws_the_same_order_and_every_presenter_once():
    order = running_order([5, 3, 9, 1], "0f" * 16)
    assert sorted(order) == [1, 3, 5, 9]
    assert running_order([9, 1, 5, 3], "0f" * 16) == order


def test_each_presenter_is_equally_likely_to_go_first():
    """Over 6,000 seeds, each of three presenters goes first about a third of the time."""
    firsts = [running_order([1, 2, 3], f"seed-{n}")[0] for n in range(6000)]
    for presenter in (1, 2, 3):
        assert 1800 < firsts.count(presenter) < 2200


def test_the_host_draws_on_the_record(client, moderator, twilight):
    presenters = PresenterFactory.create_batch(4, twilight=twilight)
    client.force_login(moderator)
    response = client.post(reverse("events:twilight_draw", args=[twilight.pk]), follow=True)

    draw = TwilightDraw.objects.get()
    assert draw.drawn_by == moderator
    assert sorted(draw.order) == sorted(entry.pk for entry in presenters)
    assert draw.order == running_order(draw.order, draw.seed)  # anyone can check it
    page = response.content.decode()
    assert "The running order is drawn" in page
    assert f"Drawn at random by {moderator.name}" in page


def test_a_redraw_keeps_the_first_on_the_record(moderator, twilight):
    PresenterFactory.create_batch(3, twilight=twilight)
    services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    assert TwilightDraw.objects.filter(twilight=twilight).count() == 2


def test_no_redraw_on_the_night(moderator, network, school):
    started = TwilightFactory(network=network, host_school=school, starts_at=in_days(0, hour=0))
    PresenterFactory(twilight=started)
    with pytest.raises(services.TwilightRefused, match="running order stands"):
        services.draw_running_order(twilight_id=started.pk, actor=moderator)


def test_a_participant_sees_that_it_was_drawn_but_not_the_order_before_the_night(
    client, partner, moderator, twilight
):
    presenter = PresenterFactory(twilight=twilight, idea_title="Secret until the night")
    services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    client.force_login(partner)
    page = client.get(twilight.get_absolute_url()).content.decode()
    assert "It will be revealed slot by slot on the night" in page
    assert page.count("Secret until the night") == 1  # in the list of ideas, not the order
    assert presenter.idea_title in page


def test_only_the_host_or_a_lead_draws(client, staff, partner, lead, twilight):
    PresenterFactory(twilight=twilight)
    url = reverse("events:twilight_draw", args=[twilight.pk])
    for person in (staff, partner):
        client.force_login(person)
        assert client.post(url).status_code == 403
    client.force_login(lead)
    client.post(url)
    assert TwilightDraw.objects.get().drawn_by == lead


def test_the_big_screen_reveals_one_slot_at_a_time(client, moderator, twilight):
    PresenterFactory(twilight=twilight, idea_title="First idea")
    PresenterFactory(twilight=twilight, idea_title="Second idea")
    draw = services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    first = twilight.sign_ups.get(pk=draw.order[0]).idea_title
    second = twilight.sign_ups.get(pk=draw.order[1]).idea_title
    client.force_login(moderator)
    url = reverse("events:twilight_screen", args=[twilight.pk])

    nothing_yet = client.get(url).content.decode()
    one = client.get(url, {"shown": 1}).content.decode()
    both = client.get(url, {"shown": 2}).content.decode()

    assert first not in nothing_yet and "Reveal slot 1" in nothing_yet
    assert first in one and second not in one and "Reveal slot 2" in one
    assert second in both and "All 2 slots revealed" in both
    assert client.get(url, {"shown": "lots"}).status_code == 200


def test_a_cancelled_presenter_leaves_the_order_and_a_latecomer_joins_the_end(
    client, moderator, twilight
):
    leaving, staying = PresenterFactory.create_batch(2, twilight=twilight)
    services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    services.cancel_sign_up(twilight_id=twilight.pk, staff=leaving.staff)
    PresenterFactory(twilight=twilight, idea_title="Late idea")
    client.force_login(moderator)
    page = client.get(twilight.get_absolute_url()).content.decode()
    assert "Late idea" in page and "signed up after the draw" in page
    assert page.count(leaving.idea_title) == 0
    assert staying.idea_title in page


def test_the_host_makes_a_table_plan_everyone_can_print(
    client, moderator, partner, speed_learning, network
):
    schools = list(network.schools.all())
    for school in schools:
        PresenterFactory(twilight=speed_learning, staff=StaffFactory(school=school))
        for _ in range(3):
            SignUpFactory(twilight=speed_learning, staff=StaffFactory(school=school))
    client.force_login(moderator)
    response = client.post(
        reverse("events:make_table_plan", args=[speed_learning.pk]), {"rounds": 3}, follow=True
    )
    plan = TablePlan.objects.get()
    assert plan.rounds == 3 and len(plan.tables) == 3 and len(plan.seats) == 9
    assert "The table plan is ready" in response.content.decode()

    client.force_login(partner)
    page = client.get(reverse("events:twilight_table_plan", args=[speed_learning.pk]))
    text = page.content.decode()
    assert text.count("Table 1") >= 1 and "Round 3" in text
    assert "Person by person" in text


def test_too_many_rounds_are_told_next_to_the_field(client, moderator, speed_learning):
    PresenterFactory.create_batch(2, twilight=speed_learning)
    client.force_login(moderator)
    response = client.post(
        reverse("events:make_table_plan", args=[speed_learning.pk]), {"rounds": 3}
    )
    assert response.status_code == 400
    assert "With 2 presenters, choose 1 to 2 rounds" in response.content.decode()
    assert not TablePlan.objects.exists()


def test_the_table_plan_page_before_a_plan_says_so(client, partner, speed_learning):
    client.force_login(partner)
    page = client.get(reverse("events:twilight_table_plan", args=[speed_learning.pk]))
    assert "No table plan yet" in page.content.decode()


def test_the_table_plan_costs_the_same_with_many_people(
    client, moderator, partner, speed_learning, network, django_assert_max_num_queries
):
    school = network.schools.first()
    PresenterFactory.create_batch(2, twilight=speed_learning, staff__school=school)
    SignUpFactory.create_batch(2, twilight=speed_learning, staff__school=school)
    services.make_table_plan(twilight_id=speed_learning.pk, actor=moderator, rounds=2)
    url = reverse("events:twilight_table_plan", args=[speed_learning.pk])
    client.force_login(partner)
    with django_assert_max_num_queries(14) as small:
        client.get(url)
    for other in network.schools.all():
        PresenterFactory.create_batch(2, twilight=speed_learning, staff__school=other)
        SignUpFactory.create_batch(12, twilight=speed_learning, staff__school=other)
    services.make_table_plan(twilight_id=speed_learning.pk, actor=moderator, rounds=4)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert "Round 4" in client.get(url).content.decode()


def test_the_plan_page_says_who_signed_up_after_it_was_made(
    client, moderator, partner, speed_learning
):
    PresenterFactory.create_batch(2, twilight=speed_learning)
    SignUpFactory.create_batch(2, twilight=speed_learning)
    services.make_table_plan(twilight_id=speed_learning.pk, actor=moderator, rounds=2)
    SignUpFactory(twilight=speed_learning, staff=partner)
    client.force_login(partner)
    page = client.get(reverse("events:twilight_table_plan", args=[speed_learning.pk]))
    assert "1 colleague signed up after the plan was made, so is not in it yet" in (
        page.content.decode()
    )


def test_the_host_sees_earlier_draws_on_the_record(client, moderator, twilight):
    PresenterFactory.create_batch(2, twilight=twilight)
    first = services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    services.draw_running_order(twilight_id=twilight.pk, actor=moderator)
    client.force_login(moderator)
    page = client.get(twilight.get_absolute_url()).content.decode()
    assert "Earlier draws (1)" in page and first.seed in page
