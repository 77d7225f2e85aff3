"""After the post: an invitation becomes a first idea in six taps on a phone, a colleague's
"I'll try this" comes back as "How did it go?", and the author lands on the reflection."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from hub.models import Role
from ideas.board import services
from ideas.board.jobs import ask_how_it_went
from ideas.board.models import Idea, ReactionKind
from tests.browser.conftest import PHONE, expect_accessible, screenshot, sign_in
from tests.events.lunches.factories import LunchFactory
from tests.factories import StaffFactory
from tests.hub.people.invitations import invitation_path, invite

MAX_ONBOARDING_INTERACTIONS = 6


class Interactions:
    """Counts what a person does: each tap, each field typed into, opening a link."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def open(self, path):
        self.count += 1
        self.page.goto(path)

    def fill(self, locator, text):
        self.count += 1
        locator.fill(text)

    def tap(self, locator):
        self.count += 1
        locator.click()


def test_from_the_invitation_to_a_posted_idea_in_six_interactions_on_a_phone(page, school_admin):
    invite(school_admin)
    page.set_viewport_size(PHONE)
    person = Interactions(page)

    person.open(invitation_path())
    expect_accessible(page)
    screenshot(page, "onboarding-password", phone=True)
    person.fill(page.get_by_label("Choose a password"), "a-long-new-secret")
    person.tap(page.get_by_role("button", name="Join Staffroom"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome to Staffroom, Nia New")
    expect(page.get_by_label("Title")).to_be_focused()
    expect_accessible(page)
    screenshot(page, "onboarding-welcome", phone=True)
    person.fill(page.get_by_label("Title"), "Visual timetable at the door")
    person.fill(page.get_by_label("Note"), "Children check it as they come in: fewer questions.")
    person.tap(page.get_by_role("button", name="Stick it on the board"))

    expect(page.get_by_role("status")).to_contain_text("Your post-it is on the board")
    expect_accessible(page)
    assert Idea.objects.get().author.email == "nia@oakfield.example"
    assert person.count <= MAX_ONBOARDING_INTERACTIONS, person.count
    print(f"Onboarding interactions, invitation link to posted idea: {person.count}")


def test_the_password_can_be_shown_and_a_short_one_is_explained(page, school_admin):
    invite(school_admin)
    page.set_viewport_size(PHONE)
    page.goto(invitation_path())
    expect_accessible(page)
    password = page.get_by_label("Choose a password")
    password.fill("short")
    page.get_by_role("button", name="Show").click()
    expect(password).to_have_attribute("type", "text")
    expect(page.get_by_role("button", name="Hide")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Join Staffroom").click()
    expect(page.get_by_text("at least 10 characters").first).to_be_visible()
    expect(page.get_by_label("Choose a password")).to_have_attribute("aria-invalid", "true")
    expect_accessible(page)


def test_a_ta_hears_how_her_idea_went_and_is_invited_to_take_it_further(page, school):
    ta = StaffFactory(school=school, full_name="Tia Assistant", role=Role.TEACHING_ASSISTANT)
    teacher = StaffFactory(school=school, full_name="Tom Teacher", role=Role.TEACHER)

    # The TA posts her first idea.
    sign_in(page, ta, then_open="/board/post/")
    page.get_by_label("Title").fill("Menus with pictures")
    page.get_by_label("Note").fill("Photos of each lunch choice: everyone chooses in a minute.")
    page.get_by_role("button", name="Stick it on the board").click()
    expect(page.get_by_role("status")).to_contain_text("Your post-it is on the board")
    expect_accessible(page)
    idea = Idea.objects.get()

    # A teacher says "I'll try this"; the TA's notification says so.
    page.context.clear_cookies()
    sign_in(page, teacher, then_open="/board/")
    card = page.locator("article.post-it", has_text="Menus with pictures")
    card.get_by_role("button", name=re.compile("I’ll try this")).click()
    expect(card.get_by_role("button", name=re.compile("I’ll try this"))).to_have_attribute(
        "aria-pressed", "true"
    )

    # Two weeks later the follow-up job asks him how it went; he answers from the nudge.
    assert ask_how_it_went(timezone.now() + timedelta(days=15)) == 1
    page.goto("/")
    expect_accessible(page)
    page.get_by_role("link", name=re.compile("Notifications 1 unread")).click()
    expect_accessible(page)
    page.get_by_role("link", name=re.compile("How did it go with “Menus with pictures”")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How did it go?")
    expect_accessible(page)
    screenshot(page, "how-did-it-go", phone=True)
    page.get_by_role("button", name="I tried it: share this").click()
    expect(page.get_by_text("Please add a sentence or two")).to_be_visible()
    expect_accessible(page)
    page.get_by_label("What happened in class?").fill("Year 2 chose lunch in a minute flat.")
    page.get_by_role("button", name="I tried it: share this").click()
    expect(page.get_by_role("status")).to_contain_text("Tia Assistant will see how it went")
    expect_accessible(page)

    # The TA taps her notification and lands on the reflection itself.
    page.context.clear_cookies()
    sign_in(page, ta, then_open="/notifications/")
    expect(
        page.get_by_role("link", name="Tom Teacher will try “Menus with pictures”")
    ).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Notifications 2 unread"))).to_be_visible()
    screenshot(page, "notifications-after-the-loop", phone=True)
    page.get_by_role("link", name=re.compile("Tom Teacher tried “Menus with pictures”")).click()
    expect(page).to_have_url(re.compile(r"/board/\d+/#reaction-\d+$"))
    reflection = page.locator(page.url[page.url.index("#") :])
    expect(reflection).to_contain_text("Year 2 chose lunch in a minute flat.")
    expect_accessible(page)
    # Opening it marked it read: only the "will try" notice is left unread.
    expect(page.get_by_role("link", name=re.compile("Notifications 1 unread"))).to_be_visible()

    # The third "I tried it" brings the invitation to take it further, one tap from an article.
    for name in ("Amy Office", "Ben Support"):
        services.reaction_add(
            idea=idea,
            author=StaffFactory(school=school, full_name=name),
            kind=ReactionKind.TRIED,
            reflection=f"{name} tried it too.",
        )
    page.goto("/notifications/")
    expect_accessible(page)
    page.get_by_role(
        "link", name=re.compile("3 colleagues tried “Menus with pictures”: turn")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "3 colleagues tried “Menus with pictures”"
    )
    expect_accessible(page)
    screenshot(page, "take-it-further", phone=True)
    page.get_by_role("link", name=re.compile("Write a one-page scrapbook article")).click()
    expect(page.get_by_label("Title")).to_have_value("Menus with pictures")
    expect_accessible(page)

    # Or a lunch input: none is scheduled yet, so it says so; once one is, the form opens
    # for it with the idea's title and note filled in.
    page.go_back()
    lunch_link = page.get_by_role("link", name=re.compile("Offer a five-minute lunch input"))
    lunch_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "No learning lunch has a free input slot yet"
    )
    expect_accessible(page)
    screenshot(page, "offer-input-no-lunch", phone=True)
    lunch = LunchFactory(school=school, theme="Inclusion ideas")
    page.go_back()
    lunch_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Volunteer a five-minute input")
    expect(page.get_by_text("For Inclusion ideas on")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_value("Menus with pictures")
    expect(page.get_by_label("Summary")).to_have_value(idea.note)
    expect_accessible(page)
    screenshot(page, "offer-input-filled-in", phone=True)
    page.get_by_label("Research finding").check()
    page.get_by_role("button", name="Volunteer").click()
    expect(page.get_by_role("status")).to_contain_text("A moderator will confirm your input")
    expect_accessible(page)
    assert lunch.inputs.get().title == "Menus with pictures"
