import re

from django.urls import reverse
from playwright.sync_api import expect

from hub.models import EmailPreference, NoticeKind, Role
from hub.notifications import notify
from hub.unsubscribe import unsubscribe_token
from tests.browser.conftest import expect_accessible, screenshot, sign_in, sign_out
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.hub.leaders.factories_participation import ReplyFactory, attended


def person_counts(page, name: str):
    table = page.locator("table", has=page.get_by_role("row", name=name))
    headings = table.locator("thead th").all_inner_texts()[1:]
    cells = page.get_by_role("row", name=name).get_by_role("cell").all_inner_texts()
    return dict(zip(headings, cells, strict=True)).items()


def test_moderator_sees_the_counts_this_test_created(page, school, moderator, staff):
    ta = StaffFactory(school=school, full_name="Tariq Assistant", role=Role.TEACHING_ASSISTANT)
    StaffFactory(school=school, full_name="Quinn Quiet", role=Role.OFFICE)
    StaffFactory(school=school, full_name="Lena Leaver", is_active=False)
    NoteFactory.create_batch(3, author=staff)
    ReplyFactory(author=ta)
    NoteFactory(author=ta)
    attended(ta, ta.date_joined)

    sign_in(page, moderator)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Participation").click()
    expect_accessible(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Participation")
    expect(page.locator(".lead")).to_contain_text("2 of 4 staff shared something")
    # Other registered kinds add columns too, so read each count under its heading.
    assert (
        person_counts(page, "Alice Teacher")
        >= {
            "Role": "Teacher",
            "Notes": "3",
            "Replies": "0",
            "Sessions attended": "0",
            "Shared": "3",
        }.items()
    )
    assert (
        person_counts(page, "Tariq Assistant")
        >= {
            "Role": "Teaching assistant",
            "Notes": "1",
            "Replies": "1",
            "Sessions attended": "1",
            "Shared": "2",
        }.items()
    )
    not_yet = page.get_by_role("region", name="Not shared yet")
    expect(not_yet).to_contain_text("Quinn Quiet")
    expect(not_yet).not_to_contain_text("Lena Leaver")
    expect(page.get_by_role("img", name="Sharing week by week")).to_be_visible()
    page.get_by_text("Show the numbers as a table").click()
    expect(page.get_by_role("table", name="Sharing week by week")).to_be_visible()
    screenshot(page, "dashboard")
    screenshot(page, "dashboard", phone=True)

    page.get_by_label("Period", exact=True).select_option("custom")
    page.get_by_label("From").fill("2026-10-01")
    page.get_by_label("To").fill("2026-09-01")
    page.get_by_role("button", name="Show").click()
    expect_accessible(page)
    expect(page.get_by_text("The last day must be on or after the first day.")).to_be_visible()


def test_staff_sees_their_notifications_and_chooses_the_weekly_digest(page, staff, moderator):
    for title in ("Exit tickets", "Timers"):
        notify(
            recipient=staff,
            kind=NoticeKind.COMMENT,
            target=NoteFactory(author=staff),
            email_template="test_ping",
            context={"note_title": title},
        )

    sign_in(page, staff)
    header_link = page.get_by_role("link", name="Notifications 2 unread")
    expect(header_link).to_be_visible()
    header_link.click()
    expect_accessible(page)
    expect(page.get_by_role("link", name="Your note “Exit tickets” got a reply")).to_be_visible()
    screenshot(page, "notifications")

    page.get_by_role("button", name="Mark all as read").click()
    expect_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("marked as read")
    expect(page.get_by_role("link", name="Notifications", exact=True)).to_be_visible()

    page.get_by_role("link", name="Email preferences").click()
    expect_accessible(page)
    page.get_by_label("Weekly digest only").check()
    page.get_by_role("button", name="Save preferences").click()
    expect_accessible(page)
    expect(page.get_by_role("status")).to_contain_text("Weekly digest only")
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.WEEKLY
    screenshot(page, "email-preferences", phone=True)


def test_a_profile_shows_what_a_colleague_shared(page, staff, moderator):
    NoteFactory(author=staff, text="Cold-calling with names")
    staff.learning_focus.add("questioning")

    sign_in(page, moderator, then_open=reverse("hub:profile", args=[staff.pk]))
    expect(page.get_by_role("region", name="Shared")).to_contain_text("Cold-calling with names")
    expect(page.get_by_role("region", name="Learning focus")).to_contain_text("questioning")
    screenshot(page, "profile")


def test_anyone_with_the_link_can_unsubscribe_without_signing_in(page, staff):
    page.goto(reverse("hub:unsubscribe", args=[unsubscribe_token(staff)]))
    expect_accessible(page)
    page.get_by_role("button", name="Unsubscribe from the weekly digest").click()
    expect_accessible(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("You are unsubscribed")
    staff.refresh_from_db()
    assert staff.gets_weekly_digest is False
    assert staff.email_preference == EmailPreference.INSTANT  # the other emails still come


def test_a_leader_invites_a_colleague_to_share_and_they_see_the_notice(
    page, school, moderator, staff
):
    from django.core import mail

    quiet = StaffFactory(school=school, full_name="Quinn Quiet", role=Role.OFFICE)
    NoteFactory(author=staff)  # Alice shared this term: a possible buddy

    sign_in(page, moderator, then_open=reverse("hub:dashboard"))
    not_yet = page.get_by_role("region", name="Not shared yet")
    not_yet.get_by_role("link", name="Invite to share (Quinn Quiet)").click()
    expect_accessible(page)
    message = page.get_by_label("Your message")
    expect(message).to_have_value(re.compile(r"^Hello Quinn,"))
    message.fill("Hello Quinn, your calm reception desk <routine> would help us all.")
    page.get_by_label("Suggest a colleague to post with (optional)").select_option(
        label="Alice Teacher"
    )
    screenshot(page, "invite-to-share", phone=True)
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status")).to_contain_text("on its way to Quinn Quiet")
    expect_accessible(page)
    expect(page.get_by_role("region", name="Not shared yet")).to_contain_text("invited on")
    expect(page.get_by_role("link", name="Invite to share (Quinn Quiet)")).to_have_count(0)
    screenshot(page, "dashboard-invited", phone=True)
    assert [email.to for email in mail.outbox] == [[quiet.email]]
    assert "Alice Teacher has shared this term" in mail.outbox[0].body

    sign_out(page)
    sign_in(page, quiet, then_open=reverse("hub:notifications"))
    page.get_by_role(
        "link", name=re.compile("Helen Head invites you to share an idea: “Hello Quinn, your calm")
    ).click()
    expect_accessible(page)
    assert page.url.endswith(reverse("ideas:post_idea"))
    screenshot(page, "invited-colleague-lands-on-post-form", phone=True)
