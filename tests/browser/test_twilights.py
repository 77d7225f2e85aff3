"""Twilights across schools in a real browser: a TeachMeet and a Speed Learning evening fill
with presenters and participants from three schools, the host draws the running order and
makes the table plan, and afterwards the follow-up arrives and is answered."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.twilights import jobs, services
from events.twilights.models import TablePlan, TwilightDraw, TwilightSignUp
from hub.models import Role
from ideas.board.models import Reaction
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.events.twilights.factories import TwilightFactory, in_days, network_of
from tests.factories import SchoolFactory, StaffFactory

IDEAS = ["Cold calling with thinking time", "Reading rulers in Year 7", "Two stars and a step"]


@pytest.fixture
def schools(school):
    return [
        school,
        SchoolFactory(name="Riverside Academy", phase="secondary"),
        SchoolFactory(name="Little Acorns Nursery", phase="nursery"),
    ]


def _open(page, url: str) -> None:
    page.goto(url)
    expect_accessible(page)


def _fill_from_three_schools(twilight, schools, *, participants_each: int) -> None:
    for school, idea in zip(schools, IDEAS, strict=True):
        services.sign_up(
            twilight_id=twilight.pk,
            staff=StaffFactory(school=school),
            role="presenter",
            idea_title=idea,
            idea_summary="What I do, and why it works.",
            slot="nano",
        )
        for _ in range(participants_each):
            services.sign_up(
                twilight_id=twilight.pk, staff=StaffFactory(school=school), role="participant"
            )


def test_a_teachmeet_fills_from_three_schools_and_the_host_draws_the_order(
    page, schools, moderator
):
    network = network_of(*schools)
    twilight = TwilightFactory(
        network=network, host_school=schools[0], created_by=moderator, presenter_cap=5
    )
    _fill_from_three_schools(twilight, schools, participants_each=2)
    riverside = StaffFactory(school=schools[1], full_name="Priya Patel", role=Role.TEACHER)
    acorns = StaffFactory(school=schools[2], full_name="Nia Jones", role=Role.TEACHING_ASSISTANT)

    # A teacher at a partner school finds the twilight and signs up to present.
    sign_in(page, riverside, then_open="/twilights/")
    screenshot(page, "twilights-list", phone=True)
    page.get_by_role("link", name="TeachMeet Northshire").click()
    expect_accessible(page)
    screenshot(page, "twilight-sign-up")
    page.get_by_role("radio", name="Presenting an idea").check()
    page.get_by_label("Your idea").fill("Mini whiteboards for every hinge question")
    page.get_by_label("In a few sentences").fill("Everyone answers at once.")
    page.get_by_label("Micro: 5 minutes").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("status")).to_contain_text("You're presenting!")
    expect(page.locator("#sign-up")).to_contain_text("You're presenting: micro: 5 minutes")
    expect_accessible(page)
    screenshot(page, "twilight-signed-up", phone=True)
    sign_out(page)

    # A teaching assistant at the nursery takes part; a slip of the keyboard is caught first.
    sign_in(page, acorns, then_open=twilight.get_absolute_url())
    page.get_by_role("radio", name="Presenting an idea").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("#sign-up")).to_contain_text("Give your idea a short title.")
    expect_accessible(page)
    page.get_by_role("radio", name="Taking part").check()
    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_role("status")).to_contain_text("You're coming!")
    expect_accessible(page)
    sign_out(page)
    assert TwilightSignUp.objects.filter(twilight=twilight).count() == 11

    # The host draws the running order, on the record, and reveals it on the big screen.
    sign_in(page, moderator, then_open=twilight.get_absolute_url())
    page.get_by_role("button", name="Draw the running order").click()
    expect(page.get_by_role("status")).to_contain_text("The running order is drawn")
    expect(page.locator("#running-order")).to_contain_text(f"Drawn at random by {moderator.name}")
    expect_accessible(page)
    draw = TwilightDraw.objects.get()
    assert len(draw.order) == 4
    screenshot(page, "twilight-draw")
    page.get_by_role("link", name="Open the big screen").click()
    expect_accessible(page)
    expect(page.get_by_text("Still to be revealed")).to_have_count(4)
    page.keyboard.press("ArrowRight")  # what a presentation clicker sends, as a key
    expect(page.get_by_role("link", name="Reveal slot 2")).to_be_visible()
    expect_accessible(page)
    first = TwilightSignUp.objects.get(pk=draw.order[0])
    expect(page.locator(".order-slot-new")).to_contain_text(first.idea_title)
    page.get_by_role("link", name="Reveal slot 2").click()
    expect(page.get_by_text("Still to be revealed")).to_have_count(2)
    expect_accessible(page)
    screenshot(page, "twilight-big-screen")


def test_a_speed_learning_plan_and_the_follow_up_afterwards(page, schools, moderator):
    network = network_of(*schools)
    twilight = TwilightFactory(
        network=network,
        host_school=schools[0],
        created_by=moderator,
        kind="speed_learning",
        title="Speed Learning: practical ideas",
    )
    _fill_from_three_schools(twilight, schools, participants_each=4)

    # The host makes the table plan for three rounds.
    sign_in(page, moderator, then_open=twilight.get_absolute_url())
    page.get_by_role("spinbutton", name="Rounds").fill("3")
    page.get_by_role("button", name="Make the table plan").click()
    expect(page.get_by_role("status")).to_contain_text("The table plan is ready")
    expect(page.get_by_role("heading", name="Table 3")).to_be_visible()
    expect_accessible(page)
    plan = TablePlan.objects.get()
    assert plan.rounds == 3 and len(plan.seats) == 12
    screenshot(page, "twilight-table-plan")
    screenshot(page, "twilight-table-plan", phone=True)
    sign_out(page)

    # The evening happens; the periodic job turns ideas into post-its and asks participants.
    twilight.starts_at, twilight.ends_at = in_days(-1), in_days(-1) + dt.timedelta(hours=1)
    twilight.save()
    jobs.follow_up_twilights(in_days(0))
    participant = TwilightSignUp.objects.filter(twilight=twilight, role="participant").first()

    sign_in(page, participant.staff, then_open="/notifications/")
    page.get_by_role("link", name=f"Which idea from {twilight.title} will you try?").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("will you try?")
    expect_accessible(page)
    page.get_by_label("Reading rulers in Year 7").check()
    page.get_by_role("button", name="I'll try this one").click()
    expect(page.get_by_role("status")).to_contain_text("Saved. Good luck trying it")
    expect(page.get_by_text("You'll try “Reading rulers in Year 7”")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "twilight-follow-up")
    reaction = Reaction.objects.get(author=participant.staff)
    assert reaction.idea.title == "Reading rulers in Year 7"


def test_a_network_lead_schedules_a_twilight_at_a_member_school(page, schools):
    network = network_of(*schools)
    lead = StaffFactory(school=schools[2], full_name="Lena Lead", role=Role.SENIOR_LEADER)
    network.leads.add(lead)
    date = timezone.localdate() + dt.timedelta(days=21)

    sign_in(page, lead, then_open="/twilights/")
    expect(page.get_by_text("No twilights planned yet.")).to_be_visible()
    page.get_by_role("link", name="Schedule a twilight").click()
    expect_accessible(page)
    page.get_by_label("Hosted by").select_option(label="Riverside Academy")
    page.get_by_role("radio", name="Speed Learning").check()
    page.get_by_label("Title").fill("Speed Learning at Riverside")
    page.get_by_label("Date").fill(date.isoformat())
    page.get_by_label("Place").fill("")
    page.get_by_label("Online link").fill("not a link")
    page.get_by_role("button", name="Schedule twilight").click()
    expect(page.locator("#div_id_online_link")).to_contain_text(
        "Enter the meeting’s full web address"
    )
    expect_accessible(page)
    screenshot(page, "twilight-schedule-errors")
    page.get_by_label("Online link").fill("https://meet.example.org/speed-learning")
    page.get_by_role("button", name="Schedule twilight").click()
    expect(page.get_by_role("status")).to_contain_text("Twilight scheduled")
    expect(page.get_by_role("link", name="Join online")).to_be_visible()
    expect_accessible(page)
    twilight = network.twilights.get()
    assert (twilight.host_school, twilight.kind) == (schools[1], "speed_learning")
