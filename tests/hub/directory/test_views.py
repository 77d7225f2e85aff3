"""A lead's search of the register, and "schools like ours" for school leaders."""

from decimal import Decimal

import pytest
from django.urls import reverse

from hub.models import JoinRequest
from hub.networks import services
from tests.factories import NetworkFactory, SchoolFactory
from tests.hub.directory.factories import RegisteredSchoolFactory

pytestmark = pytest.mark.django_db


def test_search_marks_members_waiting_invitable_and_not_on_staffroom(
    client_for, trust, trust_school, lead, school
):
    RegisteredSchoolFactory(name="Riverside Academy", urn=trust_school.urn)
    RegisteredSchoolFactory(name="Oakfield Primary", urn=school.urn)
    waiting = SchoolFactory()
    RegisteredSchoolFactory(name="Brookside Nursery", urn=waiting.urn)
    services.invite_school(network=trust, school=waiting, by=lead)
    RegisteredSchoolFactory(name="Hilltop Infants")
    url = reverse("hub:find_schools", args=[trust.pk])
    page = client_for(lead).get(url, {"area": "Lancashire"}).content.decode()
    assert "4 schools found" in page
    assert page.count("In the network") == 1 and page.count("Waiting for an answer") == 1
    assert page.count("Not on Staffroom yet") == 1
    assert f'name="school" value="{school.pk}"' in page


def test_inviting_from_the_search_tells_the_school(client_for, trust, lead, school, school_admin):
    url = reverse("hub:invite_school", args=[trust.pk])
    client_for(lead).post(url, {"school": school.pk})
    client_for(lead).post(url, {"school": school.pk})
    assert JoinRequest.objects.filter(school=school, direction="invited").count() == 1
    assert school_admin.notifications.count() == 1


def test_an_over_long_search_is_refused_next_to_the_field(client_for, trust, lead):
    url = reverse("hub:find_schools", args=[trust.pk])
    page = client_for(lead).get(url, {"q": "x" * 101}).content.decode()
    assert "Keep the name to 100 characters." in page
    assert "Search by name, phase, area or trust" in page


def test_the_search_costs_the_same_queries_for_2_or_50_schools(
    client_for, trust, lead, django_assert_max_num_queries
):
    client = client_for(lead)
    url = reverse("hub:find_schools", args=[trust.pk])
    for _ in range(2):
        RegisteredSchoolFactory(urn=SchoolFactory().urn)
    client.get(url, {"area": "North West"})
    with django_assert_max_num_queries(12) as small:
        client.get(url, {"area": "North West"})
    for number in range(48):
        school = SchoolFactory()
        RegisteredSchoolFactory(urn=school.urn)
        if number % 2:
            trust.schools.add(school)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url, {"area": "North West"})
    assert "50 schools found" in response.content.decode()


def test_schools_like_ours_explains_each_and_offers_an_invitation(
    client_for, trust, lead, trust_school
):
    RegisteredSchoolFactory(
        urn=trust_school.urn, number_of_pupils=230, percentage_fsm=Decimal("21")
    )
    neighbour = SchoolFactory(name="Hilltop Primary")
    RegisteredSchoolFactory(
        name="Hilltop Primary",
        urn=neighbour.urn,
        number_of_pupils=210,
        percentage_fsm=Decimal("18"),
    )
    RegisteredSchoolFactory(name="Elsewhere Primary", number_of_pupils=240)
    page = client_for(lead).get(reverse("hub:schools_like_ours")).content.decode()
    assert "Primary, 210 pupils (yours 230), 18% FSM (yours 21%), also in the North West." in page
    assert "Invite them to Northshire Learning Trust" in page
    assert "Not on Staffroom yet" in page


def test_schools_like_ours_without_a_register_says_so(client_for, school_admin):
    page = client_for(school_admin).get(reverse("hub:schools_like_ours")).content.decode()
    assert "No schools to compare with yet" in page


def test_schools_like_ours_costs_the_same_queries_for_2_or_50_schools(
    client_for, trust, lead, trust_school, django_assert_max_num_queries
):
    RegisteredSchoolFactory(urn=trust_school.urn, number_of_pupils=230)

    def similar_school_on_staffroom():
        school = SchoolFactory()
        RegisteredSchoolFactory(urn=school.urn)
        school.networks.add(NetworkFactory())

    client = client_for(lead)
    for _ in range(2):
        similar_school_on_staffroom()
    client.get(reverse("hub:schools_like_ours"))
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("hub:schools_like_ours"))
    for _ in range(48):
        similar_school_on_staffroom()
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("hub:schools_like_ours")).content.decode()
    assert page.count("Invite them to Northshire Learning Trust") == 10


def test_schools_like_ours_offers_to_ask_to_join_only_networks_we_are_not_in(
    client_for, school, school_admin
):
    school.urn = "100001"
    school.save()
    RegisteredSchoolFactory(urn="100001", number_of_pupils=230)
    neighbour = SchoolFactory(name="Hilltop Primary")
    RegisteredSchoolFactory(name="Hilltop Primary", urn=neighbour.urn)
    shared, theirs = NetworkFactory(name="Ashby Cluster"), NetworkFactory(name="Pennine Trust")
    shared.schools.add(school, neighbour)
    theirs.schools.add(neighbour)
    page = client_for(school_admin).get(reverse("hub:schools_like_ours")).content.decode()
    assert "In <strong>Ashby Cluster</strong> and <strong>Pennine Trust</strong>." in page
    assert "Ask to join Pennine Trust" in page and "Ask to join Ashby Cluster" not in page


def test_a_search_of_an_empty_directory_says_how_it_is_filled(client_for, trust, lead):
    url = reverse("hub:find_schools", args=[trust.pk])
    page = client_for(lead).get(url, {"q": "Oakfield"}).content.decode()
    assert "The directory of schools is empty" in page
    RegisteredSchoolFactory(name="Hilltop Primary")
    page = client_for(lead).get(url, {"q": "Oakfield"}).content.decode()
    assert "No open school matches" in page
