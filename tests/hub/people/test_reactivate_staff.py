from django.urls import reverse

from hub.people import services
from tests.factories import PASSWORD


def test_a_returning_colleague_can_sign_in_again(client_for, school_admin, staff, client):
    services.staff_deactivate(staff=staff, by=school_admin)
    response = client_for(school_admin).post(reverse("hub:reactivate_staff", args=[staff.pk]))
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.is_active
    assert staff.deactivated_at is None
    client.post(reverse("logout"))
    client.post("/accounts/login/", {"username": staff.email, "password": PASSWORD})
    assert int(client.session["_auth_user_id"]) == staff.pk


def test_another_schools_colleague_is_a_404(client_for, school_admin, outsider):
    outsider.is_active = False
    outsider.save()
    response = client_for(school_admin).post(reverse("hub:reactivate_staff", args=[outsider.pk]))
    assert response.status_code == 404
    outsider.refresh_from_db()
    assert not outsider.is_active
