"""Work-shadowing across a trust: a teacher at one school asks for a placement, a SENCo at
the partner school offers to host, Staffroom suggests the match (cross-phase, marked),
the teacher proposes, the host agrees from her notification, both heads approve from
theirs, and the placement is in both people's records."""

import re

from playwright.sync_api import expect

from hub.models import Placement, PlacementState, Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory
from tests.hub.placements.factories import (
    head_of,
    make_ask,
    make_offer,
    make_placement,
    partner_school,
    soon,
    trust_with,
)


def open_notice(page, text: str) -> None:
    page.get_by_role("link", name=re.compile("Notifications")).click()
    expect_accessible(page)
    page.get_by_role("link", name=re.compile(text)).first.click()
    expect_accessible(page)


def test_a_placement_is_asked_offered_matched_agreed_and_approved(page, school, staff):
    partner = partner_school()
    trust = trust_with(school, partner)
    host = StaffFactory(
        school=partner, full_name="Grace Adeyemi", role=Role.SENIOR_LEADER, job_title="SENCo"
    )
    head, partner_head = head_of(school, full_name="Helen Hughes"), head_of(partner)

    # The teacher asks, from My learning.
    sign_in(page, staff, then_open="/my-learning/")
    page.get_by_role("link", name="Work-shadowing placements").click()
    expect(page.get_by_role("heading", name="My placements")).to_be_visible()
    expect_accessible(page)
    page.get_by_role("link", name=f"Placements in {trust.name}").click()
    expect(page.get_by_text("No one is asking yet")).to_be_visible()
    expect_accessible(page)
    page.get_by_role("link", name="Ask for a placement").click()
    expect_accessible(page)
    page.get_by_label("Focus").fill("Cross-phase transition")
    page.get_by_label("Tags").fill("transition, year 6")
    page.get_by_label("Primary", exact=True).check()
    page.get_by_label("From").fill(soon().isoformat())
    page.get_by_label("Until").fill(soon(30).isoformat())
    page.get_by_label("How many days").fill("2")
    page.get_by_label("Why").fill("Our Year 6 move up in September: I want to see what they meet.")
    screenshot(page, "placement-ask-form", phone=True)
    page.get_by_role("button", name="Share my ask").click()
    expect(page.get_by_role("status")).to_contain_text("Your ask is shared")
    expect(page.get_by_text("No offer suits this ask yet")).to_be_visible()
    expect_accessible(page)
    ask_url = page.url
    sign_out(page)

    # The SENCo at the partner school offers to host and sees the teacher among her matches.
    sign_in(page, host, then_open=f"/networks/{trust.pk}/placements/")
    page.get_by_role("link", name="Offer to host").click()
    expect_accessible(page)
    page.get_by_label("Focus").fill("Cross-phase transition")
    page.get_by_label("Tags").fill("transition, year 7")
    page.get_by_label("Free from").fill(soon().isoformat())
    page.get_by_label("Free until").fill(soon(40).isoformat())
    page.get_by_label("Days that suit (optional)").fill("Tuesdays and Thursdays")
    page.get_by_role("button", name="Share my offer").click()
    expect(page.get_by_role("status")).to_contain_text("your offer is shared")
    expect(page.get_by_text("Alice Teacher (Teacher), Oakfield Primary School")).to_be_visible()
    expect_accessible(page)
    page.get_by_role("link", name=f"Back to {trust.name}").click()
    expect_accessible(page)
    screenshot(page, "placement-network")
    screenshot(page, "placement-network", phone=True)
    sign_out(page)

    # The teacher sees the host suggested, cross-phase and explained, and proposes.
    sign_in(page, staff, then_open=ask_url)
    match = page.locator(".placement-match")
    expect(match).to_contain_text("Cross-phase")
    expect(match).to_contain_text("the same focus: Cross-phase transition")
    expect(match).to_contain_text("1 shared tag: transition")
    screenshot(page, "placement-matches")
    screenshot(page, "placement-matches", phone=True)
    match.get_by_label("First day").fill(soon(8).isoformat())
    match.get_by_role("button", name="Propose").click()
    expect(page.get_by_role("status")).to_contain_text("Proposed")
    expect_accessible(page)
    sign_out(page)

    # The host agrees from her notification.
    sign_in(page, host)
    open_notice(page, "proposed a work-shadowing placement")
    page.get_by_role("button", name="Agree").click()
    expect(page.get_by_role("status")).to_contain_text("Both heads have been asked")
    expect_accessible(page)
    sign_out(page)

    # One head approves from the notification, the other from the list of what waits.
    sign_in(page, head)
    open_notice(page, "Please approve a work-shadowing placement")
    page.get_by_role("button", name=f"Approve for {school.name}").click()
    expect(page.get_by_role("status")).to_contain_text("Approved for your school")
    expect_accessible(page)
    screenshot(page, "placement-waiting-for-one-head")
    sign_out(page)
    sign_in(page, partner_head, then_open="/placements/")
    waiting = page.get_by_role("region", name="Waiting for your approval")
    screenshot(page, "placement-head-home", phone=True)
    waiting.get_by_role("link", name=re.compile("Alice Teacher")).click()
    expect_accessible(page)
    page.get_by_role("button", name=f"Approve for {partner.name}").click()
    expect(page.get_by_role("status")).to_contain_text("Approved for your school")
    expect_accessible(page)
    sign_out(page)
    assert Placement.objects.get().state == PlacementState.APPROVED

    # It is in both records: the teacher's My learning and the host's.
    sign_in(page, staff, then_open="/my-learning/")
    expect(page.get_by_text(re.compile(f"Work-shadowing at\\s+{partner.name}"))).to_be_visible()
    screenshot(page, "placement-my-learning")
    page.get_by_role("link", name=partner.name).click()
    expect(page.get_by_text("Approved", exact=True)).to_be_visible()
    expect_accessible(page)
    screenshot(page, "placement-approved")
    screenshot(page, "placement-approved", phone=True)
    sign_out(page)
    sign_in(page, host, then_open="/my-learning/")
    expect(page.get_by_text(re.compile("Hosting\\s+Alice Teacher"))).to_be_visible()
    page.goto(f"/people/{host.pk}/")
    expect(page.get_by_role("heading", name="Work-shadowing")).to_be_visible()
    expect_accessible(page)


def test_either_side_withdraws_after_confirming(page, school, staff):
    partner = partner_school()
    trust = trust_with(school, partner)
    host = StaffFactory(school=partner, full_name="Grace Adeyemi")
    ask, offer = make_ask(trust, staff), make_offer(trust, host)
    placement = make_placement(ask, offer, state=PlacementState.AGREED)

    sign_in(page, host, then_open=placement.get_absolute_url())
    page.get_by_role("link", name="Withdraw…").click()
    expect(page.get_by_role("heading", name="Withdraw from the placement?")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "placement-withdraw", phone=True)
    page.get_by_role("link", name="No, keep it").click()
    expect_accessible(page)
    assert Placement.objects.get().state == PlacementState.AGREED
    page.get_by_role("link", name="Withdraw…").click()
    expect_accessible(page)
    page.get_by_role("button", name="Yes, withdraw").click()
    expect(page.get_by_role("status")).to_contain_text("Withdrawn. Your colleague has been told.")
    expect(page.get_by_text("Withdrawn", exact=True)).to_be_visible()
    expect_accessible(page)
    assert Placement.objects.get().state == PlacementState.WITHDRAWN
