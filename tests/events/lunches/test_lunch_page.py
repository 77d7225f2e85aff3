from html import unescape

import pytest
from django.urls import reverse

from events.lunches.models import DietaryNeeds, PlateKind, SignUpState
from hub.models import Status
from tests.events.lunches.factories import (
    InputFactory,
    LunchFactory,
    SignUpFactory,
    TakeawayFactory,
    in_days,
)


def _page(client, lunch) -> str:
    return unescape(client.get(lunch.get_absolute_url()).content.decode())


def test_the_table_so_far_counts_plates_by_kind(client_for, moderator, school):
    lunch = LunchFactory(school=school, capacity=20)
    SignUpFactory.create_batch(8, lunch=lunch, plate_kind=PlateKind.SWEET, plate="Cake")
    SignUpFactory.create_batch(2, lunch=lunch, plate_kind=PlateKind.DRINKS)
    SignUpFactory(lunch=lunch, state=SignUpState.WAITLISTED, plate_kind=PlateKind.SAVOURY)
    data = client_for(moderator).get(lunch.get_absolute_url()).context["data"]
    assert data.plates.summary == [
        ("savoury", "Savoury", 0),
        ("sweet", "Sweet", 8),
        ("fruit_veg", "Fruit or veg", 0),
        ("drinks", "Drinks", 2),
    ]


def test_dietary_needs_are_shown_to_moderators_only(client_for, staff, moderator, school):
    lunch = LunchFactory(school=school)
    entry = SignUpFactory(lunch=lunch)
    DietaryNeeds.objects.create(staff=entry.staff, text="Coeliac: no gluten at all")
    assert "Coeliac" in _page(client_for(moderator), lunch)
    assert "Coeliac" not in _page(client_for(staff), lunch)


def test_a_person_records_their_own_dietary_needs(client_for, staff):
    client = client_for(staff)
    client.post(reverse("events:dietary_needs"), {"text": "No nuts"})
    assert DietaryNeeds.objects.get(staff=staff).text == "No nuts"
    assert "No nuts" in client.get(reverse("events:dietary_needs")).content.decode()


def test_dietary_needs_over_300_characters_are_refused(client_for, staff):
    response = client_for(staff).post(reverse("events:dietary_needs"), {"text": "x" * 301})
    assert "text" in response.context["form"].errors
    assert not DietaryNeeds.objects.exists()


def test_script_in_a_plate_is_shown_as_text(client_for, staff, school):
    lunch = LunchFactory(school=school)
    SignUpFactory(lunch=lunch, plate="<script>alert(1)</script>")
    html = client_for(staff).get(lunch.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_after_the_lunch_the_page_shows_inputs_resources_and_takeaways(client_for, staff, school):
    lunch = LunchFactory(school=school, starts_at=in_days(-3))
    InputFactory(lunch=lunch, title="Wait time", notes="Slides in the shared drive")
    TakeawayFactory(lunch=lunch, text="Count to five before taking answers")
    page = _page(client_for(staff), lunch)
    assert "This lunch has happened" in page
    assert "Slides in the shared drive" in page
    assert "Count to five before taking answers" in page
    # Nothing left to sign up to: no "Coming?" box, no calendar file, a way to the takeaways.
    assert "Coming?" not in page and "Add to calendar" not in page
    assert "Read what people took away" in page


def test_the_lists_show_upcoming_lunches_and_the_archive_past_ones(client_for, staff, school):
    LunchFactory(school=school, theme="Soon")
    LunchFactory(school=school, theme="Long ago", starts_at=in_days(-30))
    client = client_for(staff)
    upcoming = _page_at(client, reverse("events:lunches"))
    archive = _page_at(client, reverse("events:lunch_archive"))
    assert "Soon" in upcoming and "Long ago" not in upcoming
    assert "Long ago" in archive and "Soon" not in archive


def _page_at(client, url) -> str:
    return unescape(client.get(url).content.decode())


def test_another_schools_lunch_is_a_404(client_for, outsider, school):
    lunch = LunchFactory(school=school)
    assert client_for(outsider).get(lunch.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("attendees", [5, 200])
def test_the_lunch_page_runs_a_constant_number_of_queries(
    client_for, moderator, school, attendees, django_assert_max_num_queries
):
    lunch = LunchFactory(school=school, capacity=150)
    for entry in SignUpFactory.create_batch(
        attendees, lunch=lunch, plate_kind=PlateKind.SWEET, dietary_labels=["vegan"]
    ):
        DietaryNeeds.objects.create(staff=entry.staff, text="No nuts")
    InputFactory.create_batch(2, lunch=lunch)
    InputFactory(lunch=lunch, status=Status.SUBMITTED)
    client = client_for(moderator)
    with django_assert_max_num_queries(12):
        response = client.get(lunch.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("lunches", [3, 40])
def test_the_lunch_lists_run_a_constant_number_of_queries(
    client_for, staff, school, lunches, django_assert_max_num_queries
):
    for number in range(lunches):
        LunchFactory(school=school, starts_at=in_days(number - lunches // 2))
    client = client_for(staff)
    with django_assert_max_num_queries(8):
        client.get(reverse("events:lunches"))
    with django_assert_max_num_queries(8):
        client.get(reverse("events:lunch_archive"))
