"""A network's leads moderate what member schools opened to it, through the one
mechanism and the one queue; they never see a member school's school-only work."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from hub import moderation
from hub.leaders.moderation_notices import tell_authors_of_moderation
from hub.models import AuditEntry, Flag, Notification, Status, Visibility
from ideas.board.models import Idea
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.ideas.board.factories import IdeaFactory

pytestmark = pytest.mark.django_db
KIND = "ideas.idea"


@pytest.fixture
def trust(school, other_school):
    network = NetworkFactory(name="Riverside Trust")
    network.schools.add(school, other_school)
    return network


@pytest.fixture
def lead(trust, other_school):
    """A lead who works at the other member school: not a moderator at `school`."""
    person = StaffFactory(school=other_school, full_name="Lena Lead")
    trust.leads.add(person)
    return person


def queue_url(network) -> str:
    return reverse("hub:network_moderation_queue", args=[network.pk])


def act_url(network, idea, action) -> str:
    return reverse("hub:network_moderate", args=[network.pk, KIND, idea.pk, action])


def flag(item, by):
    return Flag.objects.create(school=item.school, target=item, flagged_by=by, reason="Check")


def test_the_queue_shows_only_what_member_schools_opened_to_the_network(
    client_for, lead, trust, staff
):
    waiting = IdeaFactory(author=staff, title="Shared, waiting", status=Status.SUBMITTED)
    waiting.visibility = Visibility.NETWORK
    waiting.save()
    flagged = IdeaFactory(author=staff, title="Shared, flagged", visibility=Visibility.PUBLIC)
    flag(flagged, staff)
    school_only = IdeaFactory(author=staff, title="Kept in school", status=Status.SUBMITTED)
    flag(IdeaFactory(author=staff, title="Kept in school, flagged"), staff)
    outside = StaffFactory(school=SchoolFactory())
    IdeaFactory(author=outside, title="Not a member", visibility=Visibility.NETWORK)
    page = client_for(lead).get(queue_url(trust)).content.decode()
    assert "Moderation for Riverside Trust" in page
    assert "Shared, waiting" in page and "Shared, flagged" in page
    assert "Kept in school" not in page and "Not a member" not in page
    assert "Oakfield Primary School" in page  # which school it came from
    assert act_url(trust, waiting, "approve") not in page  # the school approves
    # A lead acting on school-only work gets 404, as if it did not exist.
    response = client_for(lead).post(act_url(trust, school_only, "hide"), {"reason": "No"})
    assert response.status_code == 404
    assert Idea.objects.get(pk=school_only.pk).status == Status.SUBMITTED


def test_a_lead_hides_with_a_reason_logged_and_the_author_is_told_with_a_link(
    client_for, lead, trust, staff, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(author=staff, title="Worksheet", visibility=Visibility.NETWORK)
    flag(idea, staff)
    client = client_for(lead)
    client.post(act_url(trust, idea, "hide"), {"reason": "It shows a pupil's name"})
    idea.refresh_from_db()
    assert idea.status == Status.HIDDEN and idea.moderation_note == "It shows a pupil's name"
    entry = AuditEntry.objects.get(action="hide")
    assert (entry.actor, entry.network, entry.school_id) == (lead, trust, idea.school_id)
    with django_capture_on_commit_callbacks(execute=True):
        told = tell_authors_of_moderation(entry.created_at + timedelta(seconds=11))
    assert told == 1
    notice = Notification.objects.get(recipient=staff)
    assert notice.link() == idea.get_absolute_url()


def test_the_schools_audit_log_says_which_networks_lead_acted(
    client_for, lead, trust, staff, moderator
):
    idea = IdeaFactory(author=staff, visibility=Visibility.NETWORK)
    moderation.transition(idea, action="hide", actor=lead, reason="Off topic", network=trust)
    log = client_for(moderator).get(reverse("hub:audit_log")).content.decode()
    assert "Lena Lead" in log and "as a lead of Riverside Trust" in log


def test_a_lead_returns_waiting_work_with_feedback_and_can_undo_it(client_for, lead, trust, staff):
    idea = IdeaFactory(author=staff, status=Status.SUBMITTED, visibility=Visibility.NETWORK)
    client = client_for(lead)
    client.post(act_url(trust, idea, "return"), {"reason": "Add what age group", "version": 1})
    idea.refresh_from_db()
    assert idea.status == Status.RETURNED
    entry = AuditEntry.objects.get(action="return")
    undo = reverse("hub:network_undo_moderation", args=[trust.pk, entry.pk])
    client.post(undo, {"version": idea.version})
    idea.refresh_from_db()
    assert idea.status == Status.SUBMITTED
    assert AuditEntry.objects.get(action="undo").network == trust


def test_leads_only_hide_or_return_and_only_within_their_network(lead, trust, staff):
    idea = IdeaFactory(author=staff, status=Status.SUBMITTED, visibility=Visibility.NETWORK)
    with pytest.raises(PermissionDenied):
        moderation.transition(idea, action="approve", actor=lead, network=trust)
    school_only = IdeaFactory(author=staff)
    with pytest.raises(PermissionDenied):
        moderation.transition(school_only, action="hide", actor=lead, reason="x", network=trust)
    other_trust = NetworkFactory()
    with pytest.raises(PermissionDenied):
        moderation.transition(idea, action="hide", actor=lead, reason="x", network=other_trust)
    # Without the network, a lead is nobody's moderator at another school.
    with pytest.raises(PermissionDenied):
        moderation.transition(idea, action="hide", actor=lead, reason="x")


def test_members_who_do_not_lead_get_403_and_outsiders_404(client_for, trust, staff, outsider):
    far_away = StaffFactory(school=SchoolFactory())
    assert client_for(staff).get(queue_url(trust)).status_code == 403
    assert client_for(far_away).get(queue_url(trust)).status_code == 404


@pytest.mark.parametrize("items", [2, 30])
def test_the_network_queue_costs_the_same_queries_for_2_or_30_items(
    client_for, lead, trust, school, items, django_assert_max_num_queries
):
    authors = [StaffFactory(school=school) for _ in range(3)]
    for n in range(items):
        idea = IdeaFactory(author=authors[n % 3], visibility=Visibility.NETWORK, tags=["a"])
        flag(idea, authors[0])
    client = client_for(lead)
    with django_assert_max_num_queries(16):
        response = client.get(queue_url(trust))
    assert len(response.context["entries"]) == min(items, 20)
