from playwright.sync_api import expect

from hub.models import Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in


def test_an_admin_changes_a_role_and_marks_a_leaver(page, school_admin, staff):
    sign_in(page, school_admin, then_open="/staff/")
    page.get_by_role("link", name="Alice Teacher").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Alice Teacher")
    expect_accessible(page)
    page.get_by_label("Role").select_option(label="Senior leader")
    page.get_by_label("Moderator").check()
    page.get_by_role("button", name="Save role and rights").click()
    expect(page.get_by_role("status")).to_contain_text("Saved Alice Teacher’s role and rights.")
    expect_accessible(page)
    screenshot(page, "staff-detail")
    screenshot(page, "staff-detail", phone=True)

    page.get_by_text("Mark as a leaver").click()
    page.get_by_role("button", name="Yes, deactivate Alice Teacher").click()
    expect(page.get_by_role("status")).to_contain_text("Alice Teacher can no longer sign in.")
    expect(page.get_by_role("button", name="Let Alice Teacher sign in again")).to_be_visible()
    expect_accessible(page)
    staff.refresh_from_db()
    assert (staff.role, staff.is_moderator, staff.is_active) == (Role.SENIOR_LEADER, True, False)


def test_staff_edit_their_profile_and_see_it_as_colleagues_do(page, staff):
    sign_in(page, staff)
    page.get_by_role("link", name="Alice Teacher").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    expect_accessible(page)
    page.get_by_label("Display name").fill("Ms <b>Teacher</b>")
    page.get_by_label("Job title").fill("Year 4 teacher")
    page.get_by_label("Learning focus").fill("questioning, retrieval practice")
    page.get_by_role("button", name="Save my profile").click()
    expect(page.get_by_role("status")).to_contain_text("Your profile is saved.")
    expect_accessible(page)
    screenshot(page, "edit-profile", phone=True)
    page.get_by_role("link", name="See your profile as colleagues see it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ms <b>Teacher</b>")
    expect(page.get_by_role("main").get_by_role("list")).to_contain_text("retrieval practice")
    expect_accessible(page)
