"""The twilights list, a twilight's page and its calendar file: seen across the network,
404 beyond it, in a fixed number of queries."""

import pytest
from django.urls import reverse

from events.twilights.models import PlaceState
from tests.events.twilights.factories import (
    PresenterFactory,
    SignUpFactory,
    TwilightFactory,
    in_days,
)
from tests.factories import SchoolFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_the_list_shows_coming_and_past_twilights_of_my_networks(
    client, partner, twilight, network
):
    past = TwilightFactory(
        network=network,
        host_school=twilight.host_school,
        title="Last term's TeachMeet",
        starts_at=in_days(-30),
    )
    elsewhere = TwilightFactory(title="Another trust's evening")
    client.force_login(partner)

    page = client.get(reverse("events:twilights")).content.decode()

    assert "TeachMeet Northshire" in page
    assert "Last term&#x27;s TeachMeet" in page
    assert past.get_absolute_url() in page
    assert elsewhere.title not in page
    assert "Schedule a twilight" not in page  # a teacher does not host


def test_a_school_in_no_network_is_told_so(client, outsider, twilight):
    client.force_login(outsider)
    page = client.get(reverse("events:twilights")).content.decode()
    assert "Your school isn't in a network yet" in page
    assert twilight.title not in page


def test_staff_of_a_member_school_see_the_page_and_others_get_404(
    client, partner, outsider, twilight
):
    client.force_login(partner)
    assert client.get(twilight.get_absolute_url()).status_code == 200
    client.force_login(outsider)
    assert client.get(twilight.get_absolute_url()).status_code == 404
    assert client.get(reverse("events:twilight_ics", args=[twilight.pk])).status_code == 404


def test_the_calendar_file_names_the_twilight_and_links_to_it(client, staff, twilight):
    client.force_login(staff)
    response = client.get(reverse("events:twilight_ics", args=[twilight.pk]))
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar"
    assert "SUMMARY:TeachMeet: TeachMeet Northshire" in body
    assert f"twilight-{twilight.pk}-{twilight.host_school.uid}" in body
    assert twilight.get_absolute_url() in body.replace("\r\n ", "")


def test_a_past_twilight_has_no_calendar_file(client, staff, network, school):
    past = TwilightFactory(network=network, host_school=school, starts_at=in_days(-3))
    client.force_login(staff)
    assert client.get(reverse("events:twilight_ics", args=[past.pk])).status_code == 404


def _fill(twilight, schools, people_per_school):
    for school in schools:
        for number in range(people_per_school):
            if number == 0:
                PresenterFactory(twilight=twilight, staff=StaffFactory(school=school))
            else:
                SignUpFactory(twilight=twilight, staff=StaffFactory(school=school))


def test_the_twilight_page_costs_the_same_with_many_people(
    client, partner, twilight, network, django_assert_max_num_queries
):
    client.force_login(partner)
    _fill(twilight, network.schools.all(), 1)
    with django_assert_max_num_queries(14) as small:
        client.get(twilight.get_absolute_url())
    more = [SchoolFactory() for _ in range(6)]
    network.schools.add(*more)
    _fill(twilight, more, 6)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(twilight.get_absolute_url())
    assert response.content.decode().count("input-card") >= 6


def test_the_list_costs_the_same_with_many_twilights(
    client, partner, network, school, django_assert_max_num_queries
):
    client.force_login(partner)
    TwilightFactory(network=network, host_school=school)
    with django_assert_max_num_queries(12) as small:
        client.get(reverse("events:twilights"))
    for days in range(2, 14):
        made = TwilightFactory(network=network, host_school=school, starts_at=in_days(days))
        SignUpFactory(twilight=made, staff=partner, state=PlaceState.CONFIRMED)
    TwilightFactory(network=network, host_school=school, starts_at=in_days(-5))
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(reverse("events:twilights")).content.decode()
    assert page.count("You're coming") == 12


def test_a_change_in_django_admin_bumps_every_school_of_the_network(client, twilight, network):
    from hub.models import School, Staff

    root = Staff.objects.create_superuser("root@staffroom.example", "a-long-secret")
    client.force_login(root)
    before = dict(School.objects.values_list("pk", "content_version"))
    response = client.post(
        reverse("admin:events_twilight_delete", args=[twilight.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    after = dict(School.objects.values_list("pk", "content_version"))
    assert all(after[school.pk] > before[school.pk] for school in network.schools.all())
