"""Scheduling a twilight: who may host, and bad input told next to the field."""

import datetime as dt

import pytest
from django.urls import reverse

from events.twilights.models import Twilight

pytestmark = pytest.mark.django_db


def details(network, school, **changes) -> dict:
    data = {
        "network": network.pk,
        "host_school": school.pk,
        "kind": "teachmeet",
        "title": "TeachMeet Northshire",
        "date": (dt.date.today() + dt.timedelta(days=14)).isoformat(),
        "start_time": "16:00",
        "end_time": "17:30",
        "place": "Library, Oakfield Primary",
        "online_link": "",
        "capacity": "30",
        "presenter_cap": "8",
        "description": "",
    }
    return data | changes


def test_a_moderator_schedules_one_at_their_school(client, moderator, network, school):
    client.force_login(moderator)
    response = client.post(reverse("events:schedule_twilight"), details(network, school))
    twilight = Twilight.objects.get()
    assert response.url == twilight.get_absolute_url()
    assert (twilight.host_school, twilight.network, twilight.created_by) == (
        school,
        network,
        moderator,
    )
    assert twilight.starts_at.astimezone(school.zone).time() == dt.time(16, 0)


def test_a_moderator_cannot_host_at_another_member_school(
    client, moderator, network, partner_school
):
    client.force_login(moderator)
    response = client.post(reverse("events:schedule_twilight"), details(network, partner_school))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not Twilight.objects.exists()


def test_a_network_lead_hosts_at_any_member_school(client, lead, network, partner_school):
    client.force_login(lead)
    client.post(reverse("events:schedule_twilight"), details(network, partner_school))
    assert Twilight.objects.get().host_school == partner_school


def test_a_teacher_may_not_schedule(client, staff, network):
    client.force_login(staff)
    assert client.get(reverse("events:schedule_twilight")).status_code == 403


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "x" * 151}, "title", "at most 150 characters"),
        ({"date": "2020-01-06"}, "date", "This date has already passed"),
        ({"end_time": "15:00"}, "end_time", "must end after it starts"),
        ({"place": "", "online_link": ""}, "place", "Say where it is, or give an online link"),
        (
            {"place": "", "online_link": "javascript:alert(1)"},
            "online_link",
            "Enter the meeting’s full web address",
        ),
        ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
        ({"presenter_cap": ""}, "presenter_cap", "This field is required."),
    ],
)
def test_bad_input_is_told_next_to_the_field_and_saves_nothing(
    client, moderator, network, school, changes, field, message
):
    client.force_login(moderator)
    response = client.post(reverse("events:schedule_twilight"), details(network, school, **changes))
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert not Twilight.objects.exists()


def test_html_in_the_title_is_shown_as_text(client, moderator, network, school):
    client.force_login(moderator)
    client.post(
        reverse("events:schedule_twilight"),
        details(network, school, title="<script>alert(1)</script> TeachMeet"),
    )
    twilight = Twilight.objects.get()
    page = client.get(twilight.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; TeachMeet" in page


def test_an_online_twilight_needs_no_place(client, moderator, network, school):
    client.force_login(moderator)
    client.post(
        reverse("events:schedule_twilight"),
        details(network, school, place="", online_link="https://meet.example.org/teachmeet"),
    )
    twilight = Twilight.objects.get()
    assert twilight.online_link == "https://meet.example.org/teachmeet"
    assert "Online" in client.get(twilight.get_absolute_url()).content.decode()
