"""The rota in a browser: a holiday entered once, a swap asked and accepted, stepping out."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from ideas.thursday.models import Closure, RotaTurn
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory
from tests.ideas.thursday.factories import RotaTurnFactory


def go(page, path: str) -> None:
    page.goto(path)
    expect_accessible(page)


def click_through(page, locator) -> None:
    locator.click()
    page.wait_for_load_state("load")
    expect_accessible(page)


def test_a_holiday_a_swap_request_and_stepping_out(page, moderator, staff, school):
    today = timezone.localdate()
    thursday = today + timedelta(days=(3 - today.weekday()) % 7 or 7)
    cook = StaffFactory(school=school, full_name="Carl Cook")
    mine = RotaTurnFactory(school=school, staff=staff, date=thursday)
    theirs = RotaTurnFactory(school=school, staff=cook, date=thursday + timedelta(weeks=1))
    RotaTurnFactory(school=school, staff=moderator, date=thursday + timedelta(weeks=4))
    holiday_start = thursday + timedelta(days=11)  # the Monday after next
    holiday_end = holiday_start + timedelta(days=12)

    # The moderator enters the holiday once, as a range.
    sign_in(page, moderator)
    go(page, "/thinking-thursday/rota/closures/")
    page.get_by_label("First day closed").fill(holiday_start.isoformat())
    page.get_by_label("Last day closed (optional)").fill(holiday_end.isoformat())
    page.get_by_label("Reason").fill("Christmas holiday")
    click_through(page, page.get_by_role("button", name="Add"))
    expect(page.get_by_text("Added: Christmas holiday")).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("13 days")
    expect(rows.first).to_contain_text("2 skipped")
    assert Closure.objects.count() == 1
    screenshot(page, "rota-closures")
    screenshot(page, "rota-closures", phone=True)
    sign_out(page)

    # Alice asks Carl to swap; nothing moves yet.
    sign_in(page, staff)
    go(page, "/thinking-thursday/rota/")
    holiday = page.locator(".rota-holiday")
    expect(holiday).to_contain_text("Christmas holiday")
    expect(holiday).to_contain_text("no Thinking Thursday for 2 weeks")
    click_through(page, page.get_by_role("link", name=f"Ask to swap the turn of {thursday:%-d %B}"))
    page.get_by_label("Swap with").select_option(str(theirs.pk))
    click_through(page, page.get_by_role("button", name="Send the request"))
    expect(page.get_by_text("Asked Carl Cook. Nothing changes unless they accept")).to_be_visible()
    expect(page.get_by_text("You asked Carl Cook")).to_be_visible()
    assert RotaTurn.objects.get(pk=mine.pk).staff == staff
    screenshot(page, "rota-with-holiday-and-request")
    screenshot(page, "rota-with-holiday-and-request", phone=True)

    # She steps out of future rotas, then back in.
    page.get_by_text("Leave me out for now").click()
    click_through(page, page.get_by_role("button", name="Leave me out of new rotas"))
    expect(
        page.get_by_text("You are left out of new rotas until you step back in.")
    ).to_be_visible()
    click_through(page, page.get_by_role("button", name="Put me back on the rota"))
    expect(page.get_by_text("Welcome back")).to_be_visible()
    sign_out(page)

    # Carl follows the link in his notification and accepts.
    sign_in(page, cook)
    go(page, "/notifications/")
    click_through(page, page.get_by_role("link", name="Alice Teacher asks to swap").first)
    expect(page.get_by_role("heading", name="Swap request")).to_be_visible()
    screenshot(page, "rota-swap-request")
    screenshot(page, "rota-swap-request", phone=True)
    click_through(page, page.get_by_role("button", name="Accept the swap"))
    expect(page.get_by_text(f"Swapped. Your turn is now {thursday:%A %-d %B}")).to_be_visible()
    assert RotaTurn.objects.get(pk=mine.pk).staff == cook
    assert RotaTurn.objects.get(pk=theirs.pk).staff == staff
