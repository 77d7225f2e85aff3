"""The networks pages: what they show, bad input changing nothing, double submits."""

import pytest
from django.urls import reverse

from hub.models import JoinRequest, JoinStatus, Notification
from hub.networks import services
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_the_networks_page_lists_my_schools_networks_and_waiting_invitations(
    client_for, trust, lead, school, school_admin
):
    services.invite_school(network=trust, school=school, by=lead)
    cluster = NetworkFactory(name="Oakfield Cluster")
    cluster.schools.add(school)
    page = client_for(school_admin).get(reverse("hub:networks")).content.decode()
    assert "Oakfield Cluster" in page and reverse("hub:network", args=[cluster.pk]) in page
    assert "Answer the invitation" in page and trust.name in page


def test_a_teacher_sees_an_empty_state_that_says_who_can_join(client_for, staff):
    page = client_for(staff).get(reverse("hub:networks")).content.decode()
    assert "is not in a network on Staffroom yet" in page
    assert "admins and head can ask to join" in page


def test_the_home_shows_members_leads_and_what_the_network_has(client_for, trust, school, staff):
    trust.schools.add(school)
    page = client_for(staff).get(reverse("hub:network", args=[trust.pk])).content.decode()
    assert (
        "Riverside Academy" in page and "Secondary · 900 pupils · 1 colleague on Staffroom" in page
    )
    assert "Lena Lead" in page
    # The feed, twilights and placements each register their link (their hooks.py).
    assert reverse("ideas:network_feed", args=[trust.pk]) in page
    assert reverse("events:twilights") in page
    assert reverse("hub:network_placements", kwargs={"network_pk": trust.pk}) in page
    assert "Nothing to open yet" not in page
    assert "Find schools to invite" not in page and "Leave this network" not in page


def test_the_network_home_costs_the_same_queries_for_2_or_50_schools(
    client_for, trust, lead, django_assert_max_num_queries
):
    client = client_for(lead)
    url = reverse("hub:network", args=[trust.pk])
    client.get(url)
    trust.schools.add(SchoolFactory())
    with django_assert_max_num_queries(12) as small:
        client.get(url)
    for _ in range(48):
        school = SchoolFactory()
        trust.schools.add(school)
        StaffFactory(school=school)
        JoinRequest.objects.create(
            network=trust, school=SchoolFactory(), direction="asked", made_by=lead
        )
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(url)
    assert response.content.decode().count("on Staffroom</span>") == 50
    assert len(large.captured_queries) == len(small.captured_queries)


def test_an_over_long_note_is_refused_and_nothing_is_asked(client_for, trust, school_admin):
    response = client_for(school_admin).post(
        reverse("hub:ask_to_join", args=[trust.pk]), {"message": "x" * 501}, follow=True
    )
    assert "Keep the note to 500 characters." in response.content.decode()
    assert not JoinRequest.objects.exists()


def test_asking_twice_by_double_submit_makes_one_request(client_for, trust, school_admin, lead):
    client = client_for(school_admin)
    url = reverse("hub:ask_to_join", args=[trust.pk])
    client.post(url, {"message": "Hello"})
    response = client.post(url, {"message": "Hello"}, follow=True)
    assert "already an open question between you" in response.content.decode()
    assert JoinRequest.objects.count() == 1
    assert Notification.objects.filter(recipient=lead).count() == 1


def test_an_answer_without_a_choice_is_refused_next_to_the_field(
    client_for, trust, lead, school, school_admin
):
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    url = reverse("hub:join_request", args=[join_request.pk])
    response = client_for(lead).post(url, {"note": "Hmm"})
    assert "Choose accept or decline." in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.WAITING


def test_an_answers_html_is_shown_as_text_and_a_second_answer_changes_nothing(
    client_for, trust, lead, school, school_admin
):
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    client = client_for(lead)
    url = reverse("hub:join_request", args=[join_request.pk])
    client.post(url, {"decision": "accept", "note": "<script>alert(1)</script> Welcome"})
    response = client.post(url, {"decision": "decline", "note": "Oops"}, follow=True)
    page = response.content.decode()
    assert "This was already answered: nothing changed." in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Welcome" in page
    assert "<script>alert(1)" not in page
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.ACCEPTED


def test_leaving_asks_first_then_leaves(client_for, trust, school, school_admin):
    trust.schools.add(school)
    client = client_for(school_admin)
    url = reverse("hub:leave_network", args=[trust.pk])
    assert "Yes, leave Northshire Learning Trust" in client.get(url).content.decode()
    assert trust.schools.filter(pk=school.pk).exists()
    response = client.post(url, follow=True)
    assert "has left Northshire Learning Trust" in response.content.decode()
    assert not trust.schools.filter(pk=school.pk).exists()


def test_a_lead_added_by_an_unknown_email_is_refused_next_to_the_field(client_for, trust, lead):
    url = reverse("hub:network_leads", args=[trust.pk])
    response = client_for(lead).post(url, {"email": "nobody@nowhere.example"})
    assert (
        "Nobody at the network’s schools signs in with that address." in response.content.decode()
    )
    response = client_for(lead).post(url, {"email": ""})
    assert "Enter the email address they sign in with." in response.content.decode()
    assert list(trust.leads.all()) == [lead]


def test_the_last_lead_cannot_step_down(client_for, trust, lead):
    url = reverse("hub:remove_network_lead", args=[trust.pk, lead.pk])
    response = client_for(lead).post(url, follow=True)
    assert "A network needs at least one lead" in response.content.decode()
    assert list(trust.leads.all()) == [lead]


def test_the_schools_audit_log_names_each_network_step(
    client_for, trust, lead, school, school_admin, moderator
):
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    services.answer_join_request(join_request=join_request, by=lead, accept=True)
    page = client_for(moderator).get(reverse("hub:audit_log")).content.decode()
    assert "Asked to join a network" in page and "Accepted into a network" in page
    assert "Oakfield Primary School and Northshire Learning Trust: accepted" in page


def test_a_second_click_on_leave_or_remove_says_so_and_changes_nothing(
    client_for, trust, lead, trust_school, school, school_admin
):
    trust.schools.add(school)
    client = client_for(school_admin)
    url = reverse("hub:leave_network", args=[trust.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "Your school is not in that network any more." in response.content.decode()
    colleague = StaffFactory(school=trust_school)
    trust.leads.add(colleague)
    client = client_for(lead)
    url = reverse("hub:remove_network_lead", args=[trust.pk, colleague.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "They no longer lead the network." in response.content.decode()
    assert list(trust.leads.all()) == [lead]


def test_a_feature_registered_for_networks_is_listed_on_the_home(
    client_for, trust, lead, monkeypatch
):
    from hub import registry

    monkeypatch.setattr(registry, "_network_sections", {})
    registry.register_network_section(
        name="twilights",
        title="Twilights",
        description="Speed Learning and TeachMeet evenings across the schools.",
        url_for=lambda network, viewer: f"/twilights/{network.pk}/",
    )
    registry.register_network_section(
        name="hidden", title="Hidden", description="Not for this person.", url_for=lambda n, v: None
    )
    page = client_for(lead).get(reverse("hub:network", args=[trust.pk])).content.decode()
    assert f'<a href="/twilights/{trust.pk}/">Twilights</a>' in page
    assert "Hidden" not in page and "Nothing to open yet" not in page


def test_the_networks_page_costs_the_same_queries_for_2_or_50_networks(
    client_for, school, school_admin, django_assert_max_num_queries
):
    def join_new_network():
        network = NetworkFactory()
        network.schools.add(school, SchoolFactory())
        JoinRequest.objects.create(
            network=NetworkFactory(), school=school, direction="invited", made_by=school_admin
        )

    client = client_for(school_admin)
    for _ in range(2):
        join_new_network()
    client.get(reverse("hub:networks"))
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("hub:networks"))
    for _ in range(48):
        join_new_network()
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("hub:networks")).content.decode()
    assert page.count("2 schools") == 50 and page.count("Answer the invitation") == 50


def test_inviting_a_school_that_is_not_a_number_or_not_there_is_404(client_for, trust, lead):
    url = reverse("hub:invite_school", args=[trust.pk])
    assert client_for(lead).post(url, {"school": "one"}).status_code == 404
    assert client_for(lead).post(url, {"school": "999999"}).status_code == 404
    assert not JoinRequest.objects.exists()


def test_an_over_long_network_search_says_so_next_to_the_field(client_for, school_admin):
    page = client_for(school_admin).get(reverse("hub:find_networks"), {"q": "x" * 101})
    assert "Keep the name to 100 characters." in page.content.decode()
