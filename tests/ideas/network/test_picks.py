"""A network's Idea of the Week and celebration wall: its leads choose from post-its shared
to the network, each choice is audited, the author hears with a link, the feed shows them,
and each member school's weekly digest carries the network's highlights."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from hub.leaders.digest import render_sections
from hub.lib.weeks import Week
from hub.models import AuditEntry, Notification, Visibility
from ideas.network import services
from ideas.network.models import NetworkCelebration, NetworkPick
from tests.factories import NetworkFactory, StaffFactory
from tests.ideas.board.factories import IdeaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trust(school, other_school):
    network = NetworkFactory(name="Riverside Trust")
    network.schools.add(school, other_school)
    return network


@pytest.fixture
def lead(trust, other_school):
    person = StaffFactory(school=other_school, full_name="Lena Lead")
    trust.leads.add(person)
    return person


@pytest.fixture
def shared_idea(staff):
    return IdeaFactory(author=staff, title="Lolly-stick names", visibility=Visibility.NETWORK)


def test_a_lead_picks_the_networks_idea_of_the_week_from_the_feed(
    client_for, lead, trust, staff, shared_idea
):
    client = client_for(lead)
    url = reverse("ideas:pick_network_idea", args=[trust.pk, shared_idea.pk])
    response = client.post(url, {"reason": "Three schools tried it"}, follow=True)
    pick = NetworkPick.objects.get()
    assert (pick.network, pick.idea, pick.picked_by) == (trust, shared_idea, lead)
    page = response.content.decode()
    assert "Riverside Trust’s Idea of the Week" in page and "Three schools tried it" in page
    entry = AuditEntry.objects.get(action="network_pick")
    assert (entry.network, entry.school_id) == (trust, shared_idea.school_id)
    notice = Notification.objects.get(recipient=staff)
    assert "Idea of the Week across Riverside Trust" in notice.message
    assert notice.link() == shared_idea.get_absolute_url()
    # A second pick this week replaces the first.
    other = IdeaFactory(author=staff, visibility=Visibility.PUBLIC)
    services.pick_network_idea(network=trust, idea=other, actor=lead)
    assert NetworkPick.objects.get().idea == other


def test_a_lead_celebrates_and_the_wall_and_the_author_show_it(
    client_for, lead, trust, staff, shared_idea
):
    url = reverse("ideas:celebrate_network_idea", args=[trust.pk, shared_idea.pk])
    response = client_for(lead).post(url, {"note": "Thank you <b>Alice</b>!"}, follow=True)
    page = response.content.decode()
    assert "Celebrated across the network" in page
    assert "Thank you &lt;b&gt;Alice&lt;/b&gt;!" in page  # shown as text
    assert NetworkCelebration.objects.get().note == "Thank you <b>Alice</b>!"
    notice = Notification.objects.get(recipient=staff)
    assert notice.message == "Riverside Trust celebrated “Lolly-stick names”"
    assert notice.link() == shared_idea.get_absolute_url()


def test_bad_notes_and_reasons_are_refused_and_change_nothing(client_for, lead, trust, shared_idea):
    client = client_for(lead)
    celebrate = reverse("ideas:celebrate_network_idea", args=[trust.pk, shared_idea.pk])
    for note, said in (
        ("", "Write a short note of thanks."),
        ("   ", "Write a short note of thanks."),
        ("x" * 281, "Keep the note under 280 characters."),
    ):
        page = client.post(celebrate, {"note": note}, follow=True).content.decode()
        assert said in page
    pick = reverse("ideas:pick_network_idea", args=[trust.pk, shared_idea.pk])
    page = client.post(pick, {"reason": "y" * 201}, follow=True).content.decode()
    assert "Keep the reason under 200 characters." in page
    assert not NetworkCelebration.objects.exists() and not NetworkPick.objects.exists()


def test_only_leads_choose_and_only_from_what_was_shared_to_the_network(
    lead, trust, staff, shared_idea
):
    with pytest.raises(PermissionDenied):
        services.pick_network_idea(network=trust, idea=shared_idea, actor=staff)
    kept_in_school = IdeaFactory(author=staff)
    with pytest.raises(ValidationError):
        services.pick_network_idea(network=trust, idea=kept_in_school, actor=lead)
    with pytest.raises(ValidationError):
        services.celebrate_in_network(network=trust, idea=kept_in_school, actor=lead, note="Hi")


def test_each_member_schools_digest_carries_the_networks_highlights(
    lead, trust, school, other_school, outsider, shared_idea
):
    from_elsewhere = IdeaFactory(author=outsider, title="Silent starters", visibility="network")
    IdeaFactory(author=outsider, title="Hillside only")
    services.pick_network_idea(network=trust, idea=shared_idea, actor=lead, reason="Simple")
    services.celebrate_in_network(network=trust, idea=from_elsewhere, actor=lead, note="Bravo")
    week = Week(shared_idea.week)
    html = "".join(section["html"] for section in render_sections(school, week))
    assert "Across Riverside Trust" in html
    assert "Lolly-stick names" in html and "Silent starters" in html and "Bravo" in html
    assert "Hillside only" not in html
    assert reverse("ideas:network_feed", args=[trust.pk]) in html
    assert reverse("ideas:idea_detail", args=[from_elsewhere.pk]) in html
    text = "".join(section["text"] for section in render_sections(other_school, week))
    # Hillside's digest counts what other schools shared: Oakfield's post-it, not its own.
    assert "1 post-it shared by colleagues in other schools" in text
    assert "Lolly-stick names" in text


def test_a_school_in_no_network_has_no_network_section(school, staff):
    IdeaFactory(author=staff)
    sections = render_sections(school, Week.containing(IdeaFactory(author=staff).week))
    assert not any("Across " in section["html"] for section in sections)
