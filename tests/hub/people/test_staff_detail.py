from django.urls import reverse

from hub.models import Role
from tests.factories import StaffFactory


def url(member):
    return reverse("hub:staff_detail", args=[member.pk])


def test_it_shows_a_colleague_with_their_role_form(client_for, school_admin, staff):
    response = client_for(school_admin).get(url(staff))
    assert response.status_code == 200
    assert "Alice Teacher" in response.content.decode()
    assert "Mark as a leaver" in response.content.decode()


def test_it_changes_a_role_and_rights(client_for, school_admin, staff):
    response = client_for(school_admin).post(
        url(staff), {"role": Role.SENIOR_LEADER, "is_moderator": "on"}
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.role == Role.SENIOR_LEADER
    assert staff.is_moderator
    assert not staff.is_school_admin


def test_it_refuses_an_unknown_role(client_for, school_admin, staff):
    response = client_for(school_admin).post(url(staff), {"role": "caretaker"})
    assert response.status_code == 200
    assert response.context["form"].errors["role"]
    staff.refresh_from_db()
    assert staff.role == Role.TEACHER


def test_an_admin_cannot_remove_their_own_admin_rights(client_for, school_admin):
    response = client_for(school_admin).post(url(school_admin), {"role": Role.OFFICE})
    assert response.status_code == 200
    assert "cannot remove your own admin rights" in response.content.decode()
    school_admin.refresh_from_db()
    assert school_admin.is_school_admin


def test_another_schools_colleague_is_a_404(client_for, school_admin, outsider):
    assert client_for(school_admin).get(url(outsider)).status_code == 404
    response = client_for(school_admin).post(url(outsider), {"role": Role.HEADTEACHER})
    assert response.status_code == 404
    outsider.refresh_from_db()
    assert outsider.role == Role.TEACHER


def test_an_admin_does_not_see_the_leaver_button_on_their_own_page(client_for, school_admin):
    page = client_for(school_admin).get(url(school_admin)).content.decode()
    assert "Mark as a leaver" not in page


def test_it_offers_a_new_invitation_only_before_the_first_sign_in(client_for, school_admin):
    invited = StaffFactory(school=school_admin.school)
    assert "Send a new invitation" in client_for(school_admin).get(url(invited)).content.decode()
    invited.last_login = invited.date_joined
    invited.save()
    page = client_for(school_admin).get(url(invited)).content.decode()
    assert "Send a new invitation" not in page
