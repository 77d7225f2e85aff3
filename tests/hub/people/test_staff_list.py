from django.urls import reverse

from hub.models import Role
from tests.factories import StaffFactory

URL = reverse("hub:staff_list")


def test_it_lists_this_schools_staff_only(client_for, school_admin, staff, outsider):
    page = client_for(school_admin).get(URL).content.decode()
    assert "Alice Teacher" in page
    assert "Olivia Office" in page
    assert "Oscar Outsider" not in page


def test_it_finds_staff_by_name_or_email(client_for, school_admin, staff, moderator):
    client = client_for(school_admin)
    assert [m.pk for m in client.get(URL, {"q": "alice"}).context["page"]] == [staff.pk]
    assert [m.pk for m in client.get(URL, {"q": "head@"}).context["page"]] == [moderator.pk]


def test_it_filters_by_role_and_status(client_for, school_admin, staff, moderator):
    client = client_for(school_admin)
    by_role = client.get(URL, {"role": Role.HEADTEACHER}).context["page"]
    assert [m.pk for m in by_role] == [moderator.pk]
    staff.is_active = False
    staff.save()
    left = client.get(URL, {"status": "left"}).context["page"]
    assert [m.pk for m in left] == [staff.pk]
    invited = client.get(URL, {"status": "invited"}).context["page"]
    assert staff not in list(invited)


def test_it_ignores_filters_it_does_not_know(client_for, school_admin, staff):
    response = client_for(school_admin).get(URL, {"role": "pirate", "status": "x", "page": "zz"})
    assert response.status_code == 200
    assert response.context["page"].paginator.count == 2


def test_no_match_has_a_way_back(client_for, school_admin):
    page = client_for(school_admin).get(URL, {"q": "zebra"}).content.decode()
    assert "No staff match" in page


def test_it_pages_through_a_big_staff(client_for, school_admin, school):
    StaffFactory.create_batch(60, school=school)
    client = client_for(school_admin)
    assert len(client.get(URL).context["page"]) == 50
    assert len(client.get(URL, {"page": 2}).context["page"]) == 11


def test_it_runs_the_same_queries_for_5_or_200_staff(
    client_for, school_admin, school, django_assert_max_num_queries
):
    client = client_for(school_admin)
    StaffFactory.create_batch(4, school=school)
    with django_assert_max_num_queries(6):
        assert client.get(URL).status_code == 200
    StaffFactory.create_batch(195, school=school, is_moderator=True)
    with django_assert_max_num_queries(6):
        assert client.get(URL).status_code == 200
