from playwright.sync_api import expect

from tests.browser.conftest import expect_accessible, screenshot, sign_in_with_the_form


def test_staff_signs_in_and_sees_this_week(page, staff):
    sign_in_with_the_form(page, staff)
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Alice Teacher")
    expect(page.get_by_role("navigation", name="Main")).to_contain_text("Thinking Thursday")
    screenshot(page, "home")
    screenshot(page, "home", phone=True)


def test_wrong_password_says_so_next_to_the_form(page, staff):
    page.goto("/accounts/login/")
    expect_accessible(page)
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match")
    expect_accessible(page)
