"""The weekly digest as a phone shows it: 360 px wide with no sideways scrolling, no
repeated labels, axe-core clean; and its one-click unsubscribe page in a browser."""

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from hub.leaders.digest import send_school_digest
from hub.lib.weeks import Week
from hub.models import Role, Status
from ideas.board.models import ReactionKind
from tests.browser.conftest import PHONE, expect_accessible, screenshot
from tests.events.lunches.factories import LunchFactory, TakeawayFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory
from tests.ideas.scrapbook.factories import ArticleFactory
from tests.ideas.thursday.factories import QuestionFactory

EMAIL_URL = "http://email.test/weekly-digest"


def a_busy_week(school, staff, moderator):
    cook = StaffFactory(school=school, full_name="Carol Cook", role=Role.SUPPORT)
    now = timezone.now()
    idea = IdeaFactory(author=cook, title="Soup of the day quiz at the hatch")
    ReactionFactory(idea=idea, author=staff, kind=ReactionKind.TRIED, reflection="Loved it.")
    QuestionFactory(school=school, author=moderator, text="What makes homework worth doing?")
    lunch = LunchFactory(school=school, theme="Retrieval practice")
    for item in (
        ArticleFactory(author=staff, status=Status.PUBLISHED, title="Talk partners that talk"),
        TakeawayFactory(lunch=lunch, author=cook, text="Three recall questions a day"),
    ):
        type(item).objects.filter(pk=item.pk).update(
            celebrated_at=now, celebration_note="Thank you for sharing this!"
        )


def test_the_digest_reads_well_on_a_phone_and_passes_axe(page, school, staff, moderator):
    a_busy_week(school, staff, moderator)
    week = Week.of_moment(timezone.now(), school.zone)
    send_school_digest.call(school_id=school.pk, week_monday=week.monday.isoformat())
    message = next(m for m in mail.outbox if m.to == [staff.email])
    html = message.alternatives[0][0]
    assert "Scrapbook article: Scrapbook article:" not in html
    assert "Lunch takeaway: Lunch takeaway:" not in html
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    page.route(EMAIL_URL, lambda route: route.fulfill(body=html, content_type="text/html"))
    page.goto(EMAIL_URL)
    expect_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("This week in the staffroom")
    expect(page.get_by_role("heading", name="Celebrated this week")).to_be_visible()
    expect(page.get_by_text("Scrapbook article: Talk partners that talk")).to_be_visible()
    screenshot(page, "email-weekly-digest")
    page.set_viewport_size(PHONE)
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1] == PHONE["width"], f"scrolls sideways: {widths}"
    # Readable type on a phone: body text at least 16 px.
    size = page.evaluate("() => getComputedStyle(document.querySelector('.content p')).fontSize")
    assert float(size.removesuffix("px")) >= 16
    screenshot(page, "email-weekly-digest", phone=True)

    # The footer's link asks first, then unsubscribes with one click, signed out.
    unsubscribe = page.get_by_role("link", name="Unsubscribe from the weekly digest")
    page.goto(unsubscribe.get_attribute("href").replace("http://127.0.0.1:8000", ""))
    expect_accessible(page)
    screenshot(page, "unsubscribe-digest", phone=True)
    page.get_by_role("button", name="Unsubscribe from the weekly digest").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    expect_accessible(page)
    screenshot(page, "unsubscribed-digest")
    staff.refresh_from_db()
    assert staff.gets_weekly_digest is False
