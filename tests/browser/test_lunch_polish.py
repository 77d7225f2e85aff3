"""Lunches in a real browser (issue 17): a second lunch at the same time is only
scheduled once the organiser ticks that they mean it; a lunch that has happened shows
no sign-up or calendar file but leads to its takeaways; the participation CSV opens
in Excel as UTF-8 (byte order mark)."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from events.lunches.models import Lunch
from hub.models import Status
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.events.lunches.factories import LunchFactory, SignUpFactory, TakeawayFactory, in_days
from tests.factories import StaffFactory


def schedule(page, day: dt.date) -> None:
    page.goto(reverse("events:schedule_lunch"))
    expect_accessible(page)
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Start time").fill("12:15")
    page.get_by_label("End time").fill("13:00")
    page.get_by_label("Room").fill("Library")
    page.get_by_label("Capacity").fill("12")
    page.get_by_label("Theme").fill("Retrieval practice")
    page.get_by_role("button", name="Schedule lunch").click()
    expect_accessible(page)


def test_a_clash_is_confirmed_and_a_past_lunch_leads_to_its_takeaways(
    page, moderator, staff, school
):
    day = timezone.localdate() + dt.timedelta(days=10)
    sign_in(page, moderator)
    schedule(page, day)
    expect(page.get_by_role("status")).to_contain_text("Lunch scheduled")
    schedule(page, day)
    expect(page.get_by_text("already starts at 12:15")).to_be_visible()
    confirm = page.get_by_label("Yes, schedule it: two lunches at the same time is what I want")
    expect(confirm).to_be_visible()
    screenshot(page, "lunch-same-time-warning")
    screenshot(page, "lunch-same-time-warning", phone=True)
    assert Lunch.objects.count() == 1
    confirm.check()
    page.get_by_role("button", name="Schedule lunch").click()
    expect_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("Lunch scheduled")
    assert Lunch.objects.count() == 2

    with page.expect_download() as download_info:
        page.goto("/dashboard/")
        expect_accessible(page)
        page.get_by_role("link", name="Download CSV").click()
    assert download_info.value.path().read_bytes().startswith(b"\xef\xbb\xbf")
    sign_out(page)

    past = LunchFactory(school=school, starts_at=in_days(-2), theme="Oracy")
    SignUpFactory(lunch=past, staff=staff)
    TakeawayFactory(
        lunch=past,
        author=StaffFactory(school=school),
        status=Status.PUBLISHED,
        text="Sentence stems for every pair",
    )
    sign_in(page, staff)
    page.goto(past.get_absolute_url())
    expect_accessible(page)
    expect(page.get_by_role("heading", name="This lunch has happened")).to_be_visible()
    expect(page.get_by_role("heading", name="Coming?")).to_have_count(0)
    expect(page.get_by_role("link", name="Add to calendar (.ics)")).to_have_count(0)
    screenshot(page, "lunch-happened")
    screenshot(page, "lunch-happened", phone=True)
    page.get_by_role("link", name="Read what people took away").click()
    expect(page.get_by_text("Sentence stems for every pair")).to_be_in_viewport()
