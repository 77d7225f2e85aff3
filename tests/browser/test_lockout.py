from playwright.sync_api import expect

from tests.browser.conftest import expect_accessible, screenshot


def try_password(page, email: str, password: str) -> None:
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state("load")


def test_five_wrong_passwords_lock_the_account_for_15_minutes(page, staff):
    page.goto("/accounts/login/")
    expect_accessible(page)
    for _ in range(4):
        try_password(page, staff.email, "wrong-password")
        expect(page.get_by_role("alert")).to_contain_text("do not match")
    expect_accessible(page)
    try_password(page, staff.email, "wrong-password")
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many wrong passwords")
    expect(page.get_by_role("alert")).to_contain_text("locked for 15 minutes")
    expect_accessible(page)
    screenshot(page, "locked-out")

    page.goto("/accounts/login/")
    expect_accessible(page)
    try_password(page, staff.email, "correct-horse-battery")
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many wrong passwords")
    expect_accessible(page)
