"""Across the trust: a TA at one school shares a post-it with the network; a teacher at
another school finds it on the network feed and says "I tried it"; the TA is told, and
the notice leads to the post-it and what happened."""

from django.urls import reverse
from playwright.sync_api import expect

from hub.models import Flag, Role
from ideas.board.models import Idea
from tests.browser.conftest import expect_accessible, screenshot, sign_in
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.ideas.board.factories import IdeaFactory


def test_a_ta_shares_to_the_network_and_a_teacher_elsewhere_tries_it(page, school):
    hillside = SchoolFactory(name="Hillside Academy", phase="secondary")
    trust = NetworkFactory(name="Riverside Trust")
    trust.schools.add(school, hillside)
    ta = StaffFactory(school=school, full_name="Tia Assistant", role=Role.TEACHING_ASSISTANT)
    teacher = StaffFactory(school=hillside, full_name="Sam Teacher", role=Role.TEACHER)
    IdeaFactory(author=teacher, title="Silent starters", visibility="network", tags=["starts"])

    sign_in(page, ta, then_open=reverse("ideas:post_idea"))
    page.get_by_label("Title").fill("Visual timetable at the door")
    page.get_by_label("Note").fill("Children check it as they come in: fewer questions.")
    page.get_by_label("Tags").fill("routines, SEND")
    page.get_by_label("Schools in our networks").check()
    page.get_by_role("button", name="Stick it on the board").click()
    expect(page.get_by_role("status")).to_contain_text("Colleagues in your network’s schools")
    expect_accessible(page)
    idea = Idea.objects.get(title="Visual timetable at the door")
    assert idea.visibility == "network"

    feed = reverse("ideas:network_feed", args=[trust.pk])
    sign_in(page, teacher, then_open=feed)
    expect(page.get_by_role("heading", level=1)).to_have_text("Across Riverside Trust")
    card = page.locator(f"#idea-{idea.pk}")
    expect(card).to_contain_text("Oakfield Primary School")
    for phone in (False, True):
        screenshot(page, "network-feed", phone=phone)

    # The filters are a plain GET form: choose the school and show its post-its.
    page.get_by_label("School").select_option(label="Oakfield Primary School")
    page.get_by_role("button", name="Show post-its").click()
    expect_accessible(page)
    expect(page.get_by_role("heading", name="1 post-it matches your filter")).to_be_visible()

    card = page.locator(f"#idea-{idea.pk}")
    card.get_by_text("I tried it").click()
    card.get_by_label("What happened in class?").fill("Year 9 settled in half the time.")
    card.get_by_role("button", name="Share how it went").click()
    expect(card.get_by_text("You tried it")).to_be_visible()
    expect_accessible(page)

    sign_in(page, ta, then_open=reverse("hub:notifications"))
    notice = page.get_by_role("link", name="Sam Teacher at Hillside Academy tried")
    expect(notice).to_be_visible()
    notice.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Visual timetable at the door")
    expect(page.get_by_text("Year 9 settled in half the time.")).to_be_visible()
    expect_accessible(page)


def test_a_network_lead_hides_a_shared_post_it_from_the_networks_queue(page, school, staff):
    hillside = SchoolFactory(name="Hillside Academy")
    trust = NetworkFactory(name="Riverside Trust")
    trust.schools.add(school, hillside)
    lead = StaffFactory(school=hillside, full_name="Lena Lead")
    trust.leads.add(lead)
    idea = IdeaFactory(author=staff, title="Worksheet with names", visibility="network")
    IdeaFactory(author=staff, title="Kept at Oakfield", status="submitted")
    Flag.objects.create(school=school, target=idea, flagged_by=lead, reason="Pupils' names")

    sign_in(page, lead, then_open=reverse("ideas:network_feed", args=[trust.pk]))
    page.get_by_text("Lead: pick or celebrate").click()
    screenshot(page, "network-feed-lead", phone=True)
    page.get_by_role("link", name="Moderation for the network").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moderation for Riverside Trust")
    expect(page.get_by_text("Kept at Oakfield")).to_have_count(0)
    expect_accessible(page)
    screenshot(page, "network-moderation")
    page.get_by_label("Reason or feedback (the author sees it)").fill("It shows pupils' names")
    page.get_by_role("button", name="Hide").click()
    expect(page.get_by_text("Hidden: “Worksheet with names”")).to_be_visible()
    expect(page.get_by_role("button", name="Undo")).to_be_visible()
    expect_accessible(page)
    idea.refresh_from_db()
    assert idea.status == "hidden"
