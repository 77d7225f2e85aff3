"""A learning lunch from scheduling to the calendar file, in a real browser."""

import datetime as dt

from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from events.lunches.models import Lunch, SignUp, SignUpState
from hub.models import Role
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.factories import StaffFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _switch_to(page, person) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state("load")
    expect_accessible(page)
    sign_in(page, person)


def _open(page, url: str) -> None:
    page.goto(url)
    expect_accessible(page)


def _sign_up(page, url: str, *, plate: str, kind: str, label: str) -> None:
    _open(page, url)
    page.get_by_text("Bringing a plate to share? Say what (optional)").click()
    page.get_by_label("What you'll bring").fill(plate)
    page.get_by_label("Kind of plate").select_option(label=kind)
    page.get_by_label(label, exact=True).check()
    page.get_by_role("button", name="Sign up").or_(
        page.get_by_role("button", name="Join the waitlist")
    ).click()
    page.wait_for_load_state("load")
    expect_accessible(page)


def test_a_lunch_from_scheduling_to_a_promotion_and_a_calendar_file(
    page, moderator, staff, school, tmp_path
):
    bob = StaffFactory(school=school, full_name="Bob Assistant", role=Role.TEACHING_ASSISTANT)
    carol = StaffFactory(school=school, full_name="Carol Cook", role=Role.SUPPORT)
    date = timezone.localdate() + dt.timedelta(days=10)

    # A moderator schedules a lunch for two.
    sign_in(page, moderator, then_open="/lunches/")
    page.get_by_role("link", name="Schedule a lunch").click()
    expect_accessible(page)
    page.get_by_label("Date").fill(date.isoformat())
    page.get_by_label("Start time").fill("12:15")
    page.get_by_label("End time").fill("13:00")
    page.get_by_label("Room").fill("Library")
    page.get_by_label("Capacity").fill("2")
    page.get_by_label("Theme").fill("Retrieval practice")
    page.get_by_role("button", name="Schedule lunch").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retrieval practice")
    expect_accessible(page)
    lunch_url = Lunch.objects.get().get_absolute_url()

    # A teacher volunteers a five-minute input with slides, then signs up with a plate.
    _switch_to(page, staff)
    _open(page, lunch_url)
    page.get_by_role("link", name="Volunteer a five-minute input").click()
    expect_accessible(page)
    page.get_by_label("Title").fill("Low-stakes quizzing in Year 4")
    page.get_by_label("Research finding").check()
    page.get_by_label("Summary").fill("Three recall questions a lesson for six weeks.")
    (tmp_path / "quizzing.pdf").write_bytes(PDF)
    page.get_by_label("Slides or handout").set_input_files(tmp_path / "quizzing.pdf")
    page.get_by_role("button", name="Volunteer").click()
    expect(page.get_by_role("status")).to_contain_text("A moderator will confirm your input")
    expect_accessible(page)
    _sign_up(page, lunch_url, plate="Flapjacks", kind="Sweet", label="Vegan")
    expect(page.locator("#sign-up")).to_contain_text("You're coming")

    # Two colleagues sign up: the second lands on the waitlist.
    _switch_to(page, bob)
    _sign_up(page, lunch_url, plate="Samosas", kind="Savoury", label="Halal")
    _switch_to(page, carol)
    _sign_up(page, lunch_url, plate="Fruit salad", kind="Fruit or veg", label="Gluten-free")
    expect(page.locator("#sign-up")).to_contain_text("You're number 1 on the waitlist")

    # The teacher cancels; Carol moves up at once and is emailed.
    _switch_to(page, staff)
    _open(page, lunch_url)
    page.get_by_text("Cancel my place").click()
    page.get_by_role("button", name="Yes, cancel").click()
    expect(page.get_by_role("status")).to_contain_text("Your place has gone to the next person")
    expect_accessible(page)
    assert SignUp.objects.get(staff=carol).state == SignUpState.CONFIRMED
    assert [message.to for message in mail.outbox] == [[carol.email]]

    # The moderator confirms the input and sees the table so far.
    _switch_to(page, moderator)
    _open(page, lunch_url)
    page.get_by_role("button", name="Confirm input").click()
    expect(page.get_by_role("status")).to_contain_text("approved")
    expect_accessible(page)
    expect(page.locator(".plate-summary")).to_contain_text("1 savoury")
    screenshot(page, "lunch")
    screenshot(page, "lunch", phone=True)

    # The calendar file opens in any calendar app.
    with page.expect_download() as download:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    event = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")[0]
    assert str(event["summary"]) == "Learning lunch: Retrieval practice"
    assert str(event["location"]) == "Library"
    starts = dt.datetime.combine(date, dt.time(12, 15), tzinfo=school.zone)
    assert event.decoded("dtstart") == starts.astimezone(dt.UTC)


def test_after_a_lunch_staff_post_a_takeaway_and_browse_the_archive(page, staff, school):
    from events.lunches.models import PlateKind
    from hub.models import Status
    from tests.events.lunches.factories import InputFactory, LunchFactory, SignUpFactory, in_days

    LunchFactory(school=school, theme="Metacognition for everyone", capacity=12)
    past = LunchFactory(school=school, theme="Oracy across the curriculum", starts_at=in_days(-2))
    InputFactory(
        lunch=past,
        title="Talk partners for quieter children",
        notes="Slides and the reading list are in the shared drive.",
        status=Status.PUBLISHED,
    )
    SignUpFactory(lunch=past, staff=staff, plate="Flapjacks", plate_kind=PlateKind.SWEET)
    SignUpFactory.create_batch(3, lunch=past, plate_kind=PlateKind.SAVOURY, plate="Samosas")

    sign_in(page, staff, then_open="/lunches/")
    expect(page.get_by_role("list", name="Lunches coming up")).to_contain_text("12 of 12")
    screenshot(page, "lunches")
    page.get_by_role("link", name="Past lunches").click()
    expect_accessible(page)
    page.get_by_role("link", name="Oracy across the curriculum").click()
    expect_accessible(page)
    page.get_by_label("One thing you took away").fill("Give thinking time before sharing.")
    page.get_by_role("button", name="Post takeaway").click()
    expect(page.locator("#takeaways")).to_contain_text("Give thinking time before sharing.")
    expect_accessible(page)
    link = page.get_by_role("link", name="Turn it into a board idea")
    assert "title=Give%20thinking%20time" in link.get_attribute("href")
    screenshot(page, "lunch-past")
    screenshot(page, "lunch-past", phone=True)
