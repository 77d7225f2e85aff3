from django.urls import reverse

from hub.models import Invitation, Staff
from tests.factories import PASSWORD
from tests.leaders_app.models import Note


def deactivate(client, member):
    return client.post(reverse("hub:deactivate_staff", args=[member.pk]))


def test_a_leaver_cannot_sign_in_any_more(client_for, school_admin, staff, client):
    response = deactivate(client_for(school_admin), staff)
    assert response.status_code == 302
    staff.refresh_from_db()
    assert not staff.is_active
    assert staff.deactivated_at is not None
    client.post(reverse("logout"))
    client.post("/accounts/login/", {"username": staff.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_a_leavers_open_session_stops_working(client, school_admin, staff):
    from django.test import Client

    leaver = Client()
    leaver.force_login(staff)
    client.force_login(school_admin)
    deactivate(client, staff)
    assert leaver.get(reverse("hub:home")).status_code == 302


def test_what_a_leaver_shared_stays_under_their_name(client_for, school_admin, staff):
    note = Note.objects.create(author=staff, school=staff.school, text="Cold-calling with care")
    deactivate(client_for(school_admin), staff)
    note.refresh_from_db()
    assert note.author == staff
    assert Staff.objects.filter(pk=staff.pk).exists()


def test_a_leavers_pending_invitations_expire(client_for, school_admin, staff):
    Invitation.issue(staff=staff, invited_by=school_admin)
    deactivate(client_for(school_admin), staff)
    assert not Invitation.objects.usable().exists()


def test_an_admin_cannot_deactivate_themselves(client_for, school_admin):
    client = client_for(school_admin)
    response = deactivate(client, school_admin)
    assert response.status_code == 302
    school_admin.refresh_from_db()
    assert school_admin.is_active
    page = client.get(response.url).content.decode()
    assert "You cannot deactivate your own account." in page


def test_another_schools_colleague_is_a_404(client_for, school_admin, outsider):
    assert deactivate(client_for(school_admin), outsider).status_code == 404
    outsider.refresh_from_db()
    assert outsider.is_active


def test_it_needs_a_post(client_for, school_admin, staff):
    response = client_for(school_admin).get(reverse("hub:deactivate_staff", args=[staff.pk]))
    assert response.status_code == 405
