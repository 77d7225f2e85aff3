"""The termly needs pulse: a head asks, a teaching assistant answers from her notification
in under a minute, the head sees the answers grouped (never named), turns a topic into a
learning lunch and closes the pulse, and everyone hears what was chosen."""

import datetime as dt
import re

from django.utils import timezone
from playwright.sync_api import expect

from events.lunches.models import Lunch
from hub.models import NoticeKind, Notification, Pulse, Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory
from tests.hub.learning.factories import answer


def test_a_head_runs_a_pulse_and_turns_a_topic_into_a_lunch(page, school, moderator):
    ta = StaffFactory(school=school, full_name="Aisha Khan", role=Role.TEACHING_ASSISTANT)
    teachers = StaffFactory.create_batch(3, school=school, role=Role.TEACHER)

    # The head opens the pulse; anonymous is already ticked.
    sign_in(page, moderator)
    page.get_by_role("link", name="Participation").click()
    expect_accessible(page)
    page.get_by_role("link", name="Needs pulses").click()
    expect(page.get_by_role("heading", name="No pulses yet")).to_be_visible()
    expect_accessible(page)
    page.get_by_role("link", name="Open a pulse").click()
    expect_accessible(page)
    page.get_by_label("Question").fill("What would help you most next half-term?")
    page.get_by_label("Suggested topics").fill(
        "Behaviour at lunchtime\nQuestioning\nPhonics refresher"
    )
    expect(page.get_by_label("Anonymous answers")).to_be_checked()
    screenshot(page, "pulse-open", phone=True)
    page.get_by_role("button", name="Open the pulse and tell everyone").click()
    expect(page.get_by_role("heading", name="No answers yet")).to_be_visible()
    expect_accessible(page)
    sign_out(page)
    pulse = Pulse.objects.get()

    # The TA answers from her notification: one tick, one line, one button.
    sign_in(page, ta)
    page.get_by_role("link", name=re.compile("Notifications")).click()
    expect_accessible(page)
    started = timezone.now()
    page.get_by_role("link", name=re.compile("A minute of your time")).click()
    expect(page.get_by_text("leaders see what you say, never that it was you")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "pulse-answer")
    screenshot(page, "pulse-answer", phone=True)
    page.get_by_label("Behaviour at lunchtime").check()
    page.get_by_label("Anything else (optional)").fill("Ideas for wet play, please.")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_role("status")).to_contain_text("your answer is in")
    assert timezone.now() - started < dt.timedelta(minutes=1)
    expect_accessible(page)
    sign_out(page)

    # Three teachers answered too.
    for teacher in teachers:
        answer(pulse, teacher, ["Behaviour at lunchtime", "Questioning"])

    # The head sees the answers by topic and role group, with no names.
    sign_in(page, moderator)
    page.goto(f"/pulses/{pulse.pk}/results/")
    expect(page.get_by_text("4 answers")).to_be_visible()
    expect(page.get_by_text("Behaviour at lunchtime: 4 colleagues")).to_be_visible()
    groups = page.get_by_role("table")
    expect(groups.get_by_role("row", name=re.compile("^Behaviour at lunchtime"))).to_contain_text(
        "fewer than 3"
    )
    expect(page.get_by_text("“Ideas for wet play, please.”")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("Aisha")
    expect_accessible(page)
    screenshot(page, "pulse-results")
    screenshot(page, "pulse-results", phone=True)

    # One action turns a topic into a learning lunch, its theme filled in.
    page.get_by_role(
        "link", name=re.compile("Make it a learning lunch.*Behaviour at lunchtime")
    ).click()
    expect(page.get_by_label("Theme")).to_have_value("Behaviour at lunchtime")
    expect_accessible(page)
    page.get_by_label("Date").fill((timezone.localdate() + dt.timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Schedule lunch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Behaviour at lunchtime")
    expect_accessible(page)
    lunch = Lunch.objects.get()

    # Closing the pulse tells everyone what was chosen because of it.
    page.goto(f"/pulses/{pulse.pk}/results/")
    expect_accessible(page)
    page.get_by_label("What did you choose because of it?").fill(
        f"A learning lunch on behaviour at lunchtime, {lunch.date:%-d %B}."
    )
    page.get_by_role("button", name="Close and tell everyone").click()
    expect(page.get_by_role("status")).to_contain_text("everyone is told")
    expect_accessible(page)
    sign_out(page)

    closing = Notification.objects.filter(recipient=ta, kind=NoticeKind.PULSE).first()
    assert "A learning lunch on behaviour at lunchtime" in closing.message
    sign_in(page, ta)
    page.goto("/notifications/")
    expect_accessible(page)
    page.get_by_role("link", name=re.compile("Because of your answers")).click()
    expect(page.get_by_text("A learning lunch on behaviour at lunchtime")).to_be_visible()
    expect(page.get_by_text("You answered: Behaviour at lunchtime")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "pulse-closed", phone=True)
    page.get_by_role("link", name="All pulses").click()
    expect(page.get_by_text("What we chose: A learning lunch")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "pulses")
