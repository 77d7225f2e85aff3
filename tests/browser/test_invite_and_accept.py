from django.core import mail
from playwright.sync_api import expect

from hub.models import Staff
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.hub.people.invitations import invitation_path


def test_an_admin_invites_a_colleague_who_accepts_and_lands_signed_in(page, school_admin):
    sign_in(page, school_admin)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Staff").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Staff")
    expect_accessible(page)
    page.get_by_role("link", name="Invite a colleague").click()
    expect_accessible(page)
    screenshot(page, "invite-staff", phone=True)
    page.get_by_label("Email address").fill("nia.new@oakfield.example")
    page.get_by_label("Full name").fill("Nia New")
    page.get_by_label("Role").select_option(label="Teaching assistant")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Invitation sent to nia.new@oakfield.example"
    )
    expect_accessible(page)
    assert Staff.objects.get(email="nia.new@oakfield.example").role == "teaching_assistant"

    assert [message.to for message in mail.outbox] == [["nia.new@oakfield.example"]]
    page.get_by_role("button", name="Sign out").click()
    expect_accessible(page)
    page.goto(invitation_path(mail.outbox[0]))
    expect_accessible(page)
    page.get_by_label("Choose a password").fill("short")
    page.get_by_role("button", name="Join Staffroom").click()
    expect(page.get_by_text("at least 10 characters").first).to_be_visible()
    expect_accessible(page)
    screenshot(page, "accept-invitation-error", phone=True)
    page.get_by_label("Choose a password").fill("a-long-new-secret")
    page.get_by_role("button", name="Join Staffroom").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Staffroom, Nia New")
    expect(page.get_by_role("status")).to_contain_text("Welcome to Staffroom, Nia New.")
    expect_accessible(page)


def test_inviting_an_address_with_an_account_elsewhere_reads_like_any_invitation(
    page, school_admin, outsider
):
    """The admin learns nothing about another school; the account's owner is emailed."""
    sign_in(page, school_admin, then_open="/staff/invite/")
    page.get_by_label("Email address").fill(outsider.email)
    page.get_by_label("Full name").fill("Oscar Outsider")
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text(
        f"Invitation sent to {outsider.email}. The link works for 7 days."
    )
    expect_accessible(page)
    outsider.refresh_from_db()
    assert outsider.school_id != school_admin.school_id
    assert [message.to for message in mail.outbox] == [[outsider.email]]
    assert "already has a Staffroom account" in mail.outbox[0].body
