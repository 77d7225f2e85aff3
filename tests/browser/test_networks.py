"""Two schools join a network: one asks and a lead accepts; the lead invites the
other, whose admin accepts (and later leaves). Every page checked, screenshots taken."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from hub.models import Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.hub.directory.factories import RegisteredSchoolFactory


@pytest.fixture
def trust(db):
    riverside = SchoolFactory(name="Riverside Academy", phase="secondary", number_of_pupils=900)
    lead = StaffFactory(
        school=riverside,
        full_name="Lena Lead",
        display_name="Ms Lead",
        role=Role.SENIOR_LEADER,
        job_title="Trust director of learning",
        is_moderator=True,
    )
    network = NetworkFactory(name="Northshire Learning Trust")
    network.schools.add(riverside)
    network.leads.add(lead)
    return network


def open_notification(page, text: str) -> None:
    page.locator(".nav-notifications").click()
    expect_accessible(page)
    page.get_by_role("link", name=text).click()
    expect_accessible(page)


def test_a_school_asks_to_join_and_a_lead_accepts(page, trust, school, school_admin):
    lead = trust.leads.get()
    sign_in(page, school_admin)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Networks").click()
    expect(page.get_by_role("heading", level=2)).to_contain_text("not in a network")
    expect_accessible(page)
    screenshot(page, "networks-empty", phone=True)
    page.get_by_role("link", name="Find a network to join").first.click()
    expect_accessible(page)
    page.get_by_label("A note with it (optional)").fill("Our Year 6 team would love to share.")
    screenshot(page, "find-network", phone=True)
    page.get_by_role("button", name="Ask to join Northshire Learning Trust").click()
    expect(page.get_by_role("status")).to_contain_text("Asked. Northshire Learning Trust’s leads")
    expect_accessible(page)
    screenshot(page, "join-request-waiting")

    sign_in(page, lead)
    open_notification(page, f"{school.name} asks to join Northshire Learning Trust")
    expect(page.get_by_text("Our Year 6 team would love to share.")).to_be_visible()
    page.get_by_label("Accept").check()
    page.get_by_label("A note for them (optional)").fill("Welcome aboard!")
    screenshot(page, "answer-ask", phone=True)
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_role("status")).to_contain_text(f"Accepted: {school.name} is in.")
    expect_accessible(page)
    page.get_by_role("link", name="Open Northshire Learning Trust").click()
    expect(page.locator(".member-schools")).to_contain_text(school.name)
    expect_accessible(page)
    screenshot(page, "network-home")
    screenshot(page, "network-home", phone=True)
    page.get_by_role("link", name="Leads", exact=True).click()
    expect_accessible(page)
    page.get_by_label("Their email address").fill("nobody@nowhere.example")
    page.get_by_role("button", name="Add as a lead").click()
    expect(
        page.get_by_text("Nobody at the network’s schools signs in with that address.")
    ).to_be_visible()
    expect_accessible(page)
    page.get_by_label("Their email address").fill(school_admin.email)
    page.get_by_role("button", name="Add as a lead").click()
    expect(page.get_by_role("status")).to_contain_text(f"{school_admin.name} now leads")
    expect_accessible(page)
    screenshot(page, "network-leads", phone=True)

    sign_in(page, school_admin)
    open_notification(page, "Northshire Learning Trust accepted")
    expect(page.get_by_text("Welcome aboard!")).to_be_visible()
    assert trust.schools.filter(pk=school.pk).exists()
    assert trust.leads.filter(pk=school_admin.pk).exists()

    # The new lead steps down again, after reading what that means.
    page.get_by_role("link", name="Open Northshire Learning Trust").click()
    expect_accessible(page)
    page.get_by_role("link", name="Leads", exact=True).click()
    expect_accessible(page)
    page.get_by_text("Step down", exact=True).click()
    expect(page.get_by_text("You will no longer answer schools that ask to join")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "network-step-down")
    screenshot(page, "network-step-down", phone=True)
    assert trust.leads.filter(pk=school_admin.pk).exists()
    page.get_by_role("button", name="Yes, step down").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"{school_admin.name} no longer leads Northshire Learning Trust."
    )
    expect_accessible(page)
    assert not trust.leads.filter(pk=school_admin.pk).exists()


def test_a_lead_invites_a_school_whose_admin_accepts_then_leaves(page, trust, school, school_admin):
    lead = trust.leads.get()
    school.urn = "100001"
    school.save()
    RegisteredSchoolFactory(
        name=school.name, urn=school.urn, number_of_pupils=230, percentage_fsm=Decimal("21")
    )
    RegisteredSchoolFactory(name="Oakfield Nursery", phase="nursery")
    RegisteredSchoolFactory(
        name="Hilltop Primary", number_of_pupils=210, percentage_fsm=Decimal("18")
    )

    sign_in(page, lead, then_open=f"/networks/{trust.pk}/")
    page.get_by_role("link", name="Find schools to invite").click()
    expect_accessible(page)
    page.get_by_label("School name or URN").fill("Oakfield")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_have_text("2 schools found.")
    expect(page.get_by_text("Not on Staffroom yet")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "find-schools")
    screenshot(page, "find-schools", phone=True)
    page.get_by_role("button", name=f"Invite {school.name} to Northshire Learning Trust").click()
    expect(page.get_by_role("status")).to_contain_text("Invited.")
    expect_accessible(page)

    sign_in(page, school_admin, then_open="/networks/")
    page.get_by_role("link", name="Answer the invitation from Northshire Learning Trust").click()
    expect_accessible(page)
    page.get_by_label("Accept").check()
    page.get_by_role("button", name="Send the answer").click()
    expect(page.get_by_role("status")).to_contain_text(f"Accepted: {school.name} is in.")
    expect_accessible(page)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Networks").click()
    expect(page.get_by_text("Multi-academy trust · 2 schools")).to_be_visible()
    expect_accessible(page)
    screenshot(page, "networks", phone=True)
    page.get_by_role("link", name="Northshire Learning Trust").click()
    expect_accessible(page)
    page.get_by_role("link", name="Leave this network").click()
    expect_accessible(page)
    screenshot(page, "leave-network", phone=True)
    page.get_by_role("button", name="Yes, leave Northshire Learning Trust").click()
    expect(page.get_by_role("status")).to_contain_text("has left Northshire Learning Trust")
    expect_accessible(page)
    assert not trust.schools.filter(pk=school.pk).exists()

    page.get_by_role("link", name="Schools like ours").click()
    expect(
        page.get_by_text(
            "Primary, 210 pupils (yours 230), 18% FSM (yours 21%), also in the North West."
        )
    ).to_be_visible()
    expect_accessible(page)
    screenshot(page, "schools-like-ours")
    screenshot(page, "schools-like-ours", phone=True)
