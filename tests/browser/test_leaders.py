"""Leaders' tools in a real browser: a flag reaches the queue, a moderator hides it with
a reason (and can undo), the author sees why, and a celebration reaches the wall."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from hub.leaders.moderation_notices import tell_authors_of_moderation
from hub.models import Role, Status
from hub.moderation import UNDO_WINDOW
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory

pytestmark = pytest.mark.urls("tests.leaders_app.urls")


def open_page(page, url: str) -> None:
    page.goto(url)
    expect_accessible(page)


def test_a_flag_is_hidden_with_a_reason_and_a_celebration_reaches_the_wall(
    page, staff, moderator, school
):
    flagger = StaffFactory(school=school, full_name="Sam Support", role=Role.SUPPORT)
    ta = StaffFactory(school=school, full_name="Tara Assistant", role=Role.TEACHING_ASSISTANT)
    flagged = NoteFactory(author=staff, text="Ask Jamie Smith in 4B to hand out the books")
    praised = NoteFactory(author=ta, text="Hand signals for 'I'm stuck' keep lessons flowing")
    NoteFactory(
        author=ta, status=Status.SUBMITTED, text="Waiting: a calm-down corner with sand timers"
    )

    sign_in(page, flagger, then_open=flagged.get_absolute_url())
    page.get_by_text("Flag for a moderator").click()
    page.get_by_label("What should a moderator look at?").fill("It names a pupil in full.")
    page.get_by_role("button", name="Send flag").click()
    expect(page.get_by_role("status")).to_contain_text("moderators will look at it")
    expect_accessible(page)
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    open_page(page, f"/flag/leaders_app.note/{praised.pk}/")
    screenshot(page, "flag-form", phone=True)
    open_page(page, f"/flag/leaders_app.note/{flagged.pk}/")
    expect(page.get_by_text("You already flagged this")).to_be_visible()
    sign_out(page)

    sign_in(page, moderator, then_open="/moderation/")
    item = page.locator("li.queue-item", has_text="Jamie Smith")
    expect(item).to_contain_text("It names a pupil in full.")
    expect(item).to_contain_text("Flagged 1 time")
    screenshot(page, "moderation-queue")
    screenshot(page, "moderation-queue", phone=True)
    item.get_by_label("Reason or feedback").fill("Please remove the pupil's name.")
    item.get_by_role("button", name="Hide").click()
    done = page.locator("li.queue-done")
    expect(done).to_contain_text("Done — Hidden")
    expect_accessible(page)
    done.get_by_role("button", name="Undo").click()
    restored = page.locator("li.queue-item", has_text="Jamie Smith")
    expect(restored).to_contain_text("Undone")
    restored.get_by_label("Reason or feedback").fill("Please remove the pupil's name.")
    restored.get_by_role("button", name="Hide").click()
    expect(page.locator("li.queue-done")).to_contain_text("Done — Hidden")
    screenshot(page, "moderation-queue-done")
    sign_out(page)

    # The periodic job tells the author once the undo window has passed: of the hide
    # that stood, never of the one taken back.
    tell_authors_of_moderation(timezone.now() + UNDO_WINDOW + timedelta(seconds=1))
    assert [message.to for message in mail.outbox[1:]] == [[staff.email]]
    assert "Please remove the pupil's name." in mail.outbox[-1].body

    sign_in(page, staff, then_open="/notifications/")
    notice = page.get_by_role("link", name="Hidden by a moderator: Note: Ask Jamie Smith")
    expect(notice).to_have_count(1)
    screenshot(page, "notifications-moderation-notice", phone=True)
    notice.click()
    expect(page.locator(".contribution-status")).to_contain_text("Please remove the pupil's name.")
    expect_accessible(page)
    sign_out(page)

    sign_in(page, moderator, then_open=praised.get_absolute_url())
    page.get_by_text("Moderator: celebrate this").click()
    page.get_by_label("A short note of thanks").fill("Three classes use these signals now!")
    page.get_by_role("button", name="Celebrate").click()
    expect(page.get_by_role("status")).to_contain_text("Celebration wall")
    expect_accessible(page)
    assert mail.outbox[-1].to == [ta.email]
    open_page(page, "/celebrations/")
    card = page.locator(".celebration-card", has_text="Hand signals")
    expect(card).to_contain_text("Three classes use these signals now!")
    expect(card).to_contain_text("Tara Assistant")
    screenshot(page, "celebration-wall")
    screenshot(page, "celebration-wall", phone=True)
    open_page(page, "/moderation/log/")
    expect(page.locator("table")).to_contain_text("Undid")
    screenshot(page, "audit-log")
    screenshot(page, "audit-log", phone=True)
    open_page(page, "/term-summary/")
    # Tara's shared note counts; Alice's hidden one and the waiting one do not.
    expect(page.get_by_text("staff shared something")).to_contain_text("1 of 4")
    expect(page.locator(".term-group")).to_contain_text("Tara Assistant")
    expect(page.locator(".term-work").get_by_role("link")).to_contain_text("Hand signals")
    screenshot(page, "term-summary")
    screenshot(page, "term-summary", phone=True)
    page.emulate_media(media="print")
    expect(page.locator(".term-range")).to_be_hidden()
    screenshot(page, "term-summary-print")
    page.emulate_media(media="screen")
    open_page(page, "/")
    expect(page.locator(".celebrations-panel")).to_contain_text("Hand signals")
    screenshot(page, "home-celebrations")
