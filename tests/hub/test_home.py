from django.urls import reverse

from hub import registry
from tests.factories import StaffFactory
from tests.hub.leaders.notes import note

URL = reverse("hub:home")


def test_it_greets_the_signed_in_person_by_name(client_for, staff):
    page = client_for(staff).get(URL).content.decode()
    assert "Hello, Alice Teacher" in page
    assert "Oakfield Primary School" in page


def test_the_navigation_shows_moderation_and_staff_only_to_those_who_may(
    client_for, staff, moderator, school_admin
):
    def nav(person):
        return client_for(person).get(URL).content.decode()

    assert "Moderation" not in nav(staff) and ">Staff<" not in nav(staff)
    assert "Moderation" in nav(moderator) and ">Staff<" not in nav(moderator)
    assert ">Staff<" in nav(school_admin)


def test_every_page_has_a_skip_link_landmarks_and_one_h1(client_for, staff):
    page = client_for(staff).get(URL).content.decode()
    assert 'href="#main"' in page
    assert '<main id="main"' in page
    assert 'aria-label="Main"' in page
    assert page.count("<h1") == 1


def test_it_runs_the_same_queries_for_small_and_large_schools(
    client_for, staff, school, django_assert_max_num_queries
):
    client = client_for(staff)
    # Session, user and school, plus a few per panel that features register.
    budget = 3 + 3 * len(registry.home_panels())
    StaffFactory.create_batch(4, school=school)
    with django_assert_max_num_queries(budget):
        assert client.get(URL).status_code == 200
    for author in StaffFactory.create_batch(195, school=school):
        note(author, "An idea")
    with django_assert_max_num_queries(budget):
        assert client.get(URL).status_code == 200
