"""A forgotten password, reset by email: the email is sent by the task worker, the
page answers the same for an address with no account (issue 14, items 1 and 5)."""

import re

from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import expect_accessible, screenshot


def _ask_for_a_reset(page, live_server, email: str) -> str:
    page.goto(f"{live_server.url}/accounts/login/")
    expect_accessible(page)
    page.get_by_role("link", name="Forgotten your password?").click()
    expect_accessible(page)
    page.get_by_label("Email").fill(email)
    page.get_by_role("button", name="Send the link").click()
    expect_accessible(page)
    return page.locator("main").inner_text()


def test_a_forgotten_password_is_reset_from_the_emailed_link(page, live_server, staff):
    unknown = _ask_for_a_reset(page, live_server, "nobody@nowhere.example")
    assert mail.outbox == []
    known = _ask_for_a_reset(page, live_server, staff.email)
    assert known == unknown  # the page never says whether the address has an account
    screenshot(page, "password-reset-sent", phone=True)

    assert [message.to for message in mail.outbox] == [[staff.email]]
    link = re.search(r"https?://\S+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    page.goto(f"{live_server.url}{link}")
    expect_accessible(page)
    page.locator("#id_new_password1").fill("a-brand-new-secret")
    page.locator("#id_new_password2").fill("a-brand-new-secret")
    page.get_by_role("button", name="Save my new password").click()
    expect_accessible(page)

    page.goto(f"{live_server.url}/accounts/login/")
    expect_accessible(page)
    page.get_by_label("Email address").fill(staff.email)
    page.get_by_label("Password").fill("a-brand-new-secret")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hello")
    expect_accessible(page)
