from django.urls import reverse

from tests.factories import PASSWORD


def test_it_changes_the_password_and_keeps_you_signed_in(client_for, staff):
    client = client_for(staff)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "another-good-secret",
            "new_password2": "another-good-secret",
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("another-good-secret")
    assert client.get(reverse("hub:home")).status_code == 200


def test_it_refuses_a_wrong_old_password(client_for, staff):
    response = client_for(staff).post(
        reverse("password_change"),
        {
            "old_password": "not-it",
            "new_password1": "another-good-secret",
            "new_password2": "another-good-secret",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["old_password"]
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)


def test_it_refuses_a_short_password(client_for, staff):
    response = client_for(staff).post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "short1", "new_password2": "short1"},
    )
    assert "at least 10 characters" in response.content.decode()
