"""Thinking Thursday in a real browser: plan the rota, pose a question, reply, summarise."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from hub.models import Role
from ideas.thursday.models import Question, RotaTurn
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory


def go(page, path: str) -> None:
    page.goto(path)
    expect_accessible(page)


def click_through(page, locator) -> None:
    locator.click()
    page.wait_for_load_state("load")
    expect_accessible(page)


@pytest.fixture
def colleagues(school, staff):
    return [
        StaffFactory(school=school, full_name="Tariq Assistant", role=Role.TEACHING_ASSISTANT),
        StaffFactory(school=school, full_name="Sue Site", role=Role.SUPPORT),
    ]


def test_moderator_plans_poser_asks_colleague_replies_poser_summarises(
    page, moderator, staff, colleagues, monkeypatch
):
    # The moderator plans the rota from today.
    sign_in(page, moderator, then_open="/thinking-thursday/rota/")
    expect(page.get_by_role("heading", name="No turns planned yet")).to_be_visible()
    click_through(page, page.get_by_role("link", name="Plan the rota").first)
    click_through(page, page.get_by_role("button", name="Show the rota"))
    expect(page.get_by_role("table", name="Proposed rota")).to_be_visible()
    screenshot(page, "thursday-rota-preview", phone=True)
    click_through(page, page.get_by_role("button", name="Save this rota"))
    expect(page.get_by_role("status")).to_contain_text("The rota is saved")
    screenshot(page, "thursday-rota")
    screenshot(page, "thursday-rota", phone=True)
    sign_out(page)

    # Whoever is first on the rota writes this week's question.
    turn = RotaTurn.objects.order_by("date").select_related("staff").first()
    poser = turn.staff
    sign_in(page, poser, then_open="/thinking-thursday/")
    click_through(page, page.get_by_role("link", name="Write your question"))
    page.get_by_label("Your question").fill(
        "What would we stop doing if we trusted each other more?"
    )
    page.get_by_label("Context (optional)").fill("Thinking about <b>checks</b> and sign-offs.")
    page.get_by_label("Tags (optional)").fill("trust, workload")
    page.get_by_label("Allow anonymous replies").check()
    screenshot(page, "thursday-write-question", phone=True)
    click_through(page, page.get_by_role("button", name="Save my question"))
    expect(page.get_by_role("status")).to_contain_text("appears for colleagues at 07:00")
    expect(page.get_by_text("Thinking about <b>checks</b> and sign-offs.")).to_be_visible()
    sign_out(page)

    # Thursday, 08:00 school time: a colleague replies, anonymously.
    question = Question.objects.get()
    thursday_morning = question.publish_at + timedelta(hours=1)
    monkeypatch.setattr(timezone, "now", lambda: thursday_morning)
    replier = next(person for person in (staff, *colleagues) if person != poser)
    sign_in(page, replier)
    expect(page.get_by_role("region", name="Thinking Thursday")).to_contain_text(
        "trusted each other"
    )
    click_through(page, page.get_by_role("link", name="Read and reply"))
    page.get_by_label("Your reply", exact=True).fill(
        "Double-checking every display before parents' evening."
    )
    page.get_by_label("Reply anonymously").check()
    click_through(page, page.locator(".reply-new").get_by_role("button", name="Send reply"))
    expect(page.get_by_role("status")).to_contain_text("Thank you for your reply")
    expect(page.get_by_role("article", name="Reply from")).to_contain_text("Double-checking")
    sign_out(page)

    # The Monday after: the poser reads the anonymous reply and summarises.
    monkeypatch.setattr(timezone, "now", lambda: question.publish_at + timedelta(days=4, hours=2))
    sign_in(page, poser, then_open=f"/thinking-thursday/questions/{question.pk}/")
    expect(page.locator(".reply").first).to_contain_text("a colleague")
    click_through(page, page.get_by_role("button", name="Builds on this"))
    expect(page.get_by_role("button", name="Builds on this")).to_have_attribute(
        "aria-pressed", "true"
    )
    click_through(page, page.get_by_role("link", name="Write the summary"))
    page.get_by_label("What we concluded / what we’ll try").fill(
        "Fewer sign-offs: year teams will trust each other's displays this half-term."
    )
    click_through(page, page.get_by_role("button", name="Save the summary"))
    expect(page.get_by_role("region", name="What we concluded / what we’ll try")).to_contain_text(
        "Fewer sign-offs"
    )
    screenshot(page, "thursday-question")
    screenshot(page, "thursday-question", phone=True)
    go(page, "/thinking-thursday/archive/")
    expect(page.get_by_text("Fewer sign-offs")).to_be_visible()
    go(page, "/thinking-thursday/print/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("trusted each other")
    screenshot(page, "thursday-print")


def test_a_reply_over_the_limit_and_a_closed_question_are_explained(page, staff, school):
    from tests.ideas.thursday.factories import QuestionFactory

    closed = QuestionFactory(school=school, publish_at=timezone.now() - timedelta(days=9))
    sign_in(page, staff, then_open=f"/thinking-thursday/questions/{closed.pk}/")
    expect(page.get_by_text("Replies to this question closed")).to_be_visible()
    go(page, "/thinking-thursday/archive/")
    expect(page.get_by_role("heading", name=closed.text)).to_be_visible()


def test_the_demo_school_thursday_pages_read_well(page):
    from hub.models import Staff
    from hub.people.demo import DEMO_PASSWORD, seed_demo_school

    seed_demo_school()
    teacher = Staff.objects.get(email="teacher@oakfield.example")
    sign_in(page, teacher, password=DEMO_PASSWORD)
    screenshot(page, "thursday-home-panel")
    go(page, "/thinking-thursday/")
    screenshot(page, "thursday-this-week")
    screenshot(page, "thursday-this-week", phone=True)
    go(page, "/thinking-thursday/archive/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Past Thinking Thursday questions")
    screenshot(page, "thursday-archive")
    click_through(page, page.get_by_role("link", name="workload").first)
    expect(page.get_by_text("question", exact=False).first).to_be_visible()


def test_moderator_manages_closures_and_turns_and_staff_swap(page, moderator, staff, colleagues):
    sign_in(page, moderator, then_open="/thinking-thursday/rota/closures/")
    page.get_by_label("First day closed").fill("2030-02-18")
    page.get_by_label("Last day closed (optional)").fill("2030-02-22")
    page.get_by_label("Reason").fill("February half-term")
    click_through(page, page.get_by_role("button", name="Add"))
    expect(page.get_by_role("status")).to_contain_text(
        "Added: February half-term, 18 Feb – 22 Feb 2030"
    )
    screenshot(page, "thursday-closures", phone=True)

    go(page, "/thinking-thursday/rota/generate/")
    page.get_by_label("From").fill("2030-02-18")
    page.get_by_label("To").fill("2030-02-22")
    click_through(page, page.get_by_role("button", name="Show the rota"))
    expect(page.get_by_text("There are no open Thursdays")).to_be_visible()

    page.get_by_label("From").fill("2030-01-07")
    page.get_by_label("To").fill("2030-03-01")
    click_through(page, page.get_by_role("button", name="Show the rota"))
    expect(page.get_by_role("table", name="Proposed rota")).not_to_contain_text("21 Feb")
    click_through(page, page.get_by_role("button", name="Save this rota"))

    click_through(page, page.get_by_role("link", name="Edit the turn of 10 January"))
    page.get_by_label("State").select_option("skipped")
    click_through(page, page.get_by_role("button", name="Save the turn"))
    expect(page.get_by_text("Say why this turn is skipped")).to_be_visible()
    page.get_by_label("Reason for skipping").fill("Ofsted visit that week")
    click_through(page, page.get_by_role("button", name="Save the turn"))
    expect(page.get_by_text("Ofsted visit that week")).to_be_visible()
    sign_out(page)

    sign_in(page, staff, then_open="/thinking-thursday/rota/")
    mine = RotaTurn.objects.filter(staff=staff, state="planned").order_by("date").first()
    click_through(
        page, page.get_by_role("link", name=f"Ask to swap the turn of {mine.date:%-d %B}")
    )
    other = RotaTurn.objects.filter(state="planned").exclude(staff=staff).order_by("date").last()
    page.get_by_label("Swap with").select_option(str(other.pk))
    click_through(page, page.get_by_role("button", name="Send the request"))
    expect(page.get_by_role("status")).to_contain_text("Nothing changes unless they accept")
    expect(page.get_by_text(f"You asked {other.staff.name}")).to_be_visible()
    screenshot(page, "thursday-rota-after-swap")
