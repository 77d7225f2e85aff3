from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD

LOGIN = "/accounts/login/"


def sign_in(client, email, password=PASSWORD):
    return client.post(LOGIN, {"username": email, "password": password})


def test_it_signs_in_with_email_and_password(client, staff):
    response = sign_in(client, staff.email)
    assert response.status_code == 302
    assert response.url == reverse("hub:home")
    assert client.get(reverse("hub:home")).context["user"] == staff


def test_it_accepts_the_email_in_any_case(client, staff):
    response = sign_in(client, staff.email.upper())
    assert response.status_code == 302


def test_a_wrong_password_says_so_and_warns_about_the_lockout(client, staff):
    response = sign_in(client, staff.email, "not-the-password")
    assert response.status_code == 200
    assert "do not match" in response.content.decode()
    assert "After 5 wrong tries" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_unknown_email_gets_the_same_message(client, db):
    response = sign_in(client, "nobody@nowhere.example", "whatever-it-is")
    assert "do not match" in response.content.decode()


def test_a_deactivated_colleague_cannot_sign_in(client, staff):
    staff.is_active = False
    staff.save()
    response = sign_in(client, staff.email)
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_five_wrong_passwords_lock_the_account_with_a_clear_message(client, staff):
    for _ in range(4):
        assert sign_in(client, staff.email, "wrong-password").status_code == 200
    locked = sign_in(client, staff.email, "wrong-password")
    assert locked.status_code == 429
    assert "Too many wrong passwords" in locked.content.decode()
    assert "15 minutes" in locked.content.decode()
    # Even the right password is refused while the lock lasts.
    again = sign_in(client, staff.email)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_lifts_after_15_minutes(client, staff):
    for _ in range(5):
        sign_in(client, staff.email, "wrong-password")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = sign_in(client, staff.email)
    assert response.status_code == 302


def test_the_lock_is_per_account_so_colleagues_can_still_sign_in(client, staff, moderator):
    for _ in range(5):
        sign_in(client, staff.email, "wrong-password")
    assert sign_in(client, moderator.email).status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, staff):
    for _ in range(4):
        sign_in(client, staff.email, "wrong-password")
    assert sign_in(client, staff.email).status_code == 302
    client.post(reverse("logout"))
    for _ in range(4):
        sign_in(client, staff.email, "wrong-password")
    assert sign_in(client, staff.email).status_code == 302


def test_signing_out_needs_a_post_and_ends_the_session(client_for, staff):
    client = client_for(staff)
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_signed_in_person_is_sent_home_from_the_sign_in_page(client_for, staff):
    assert client_for(staff).get(LOGIN).status_code == 302


@pytest.mark.parametrize("url", ["/", "/staff/", "/profile/"])
def test_pages_send_anonymous_visitors_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
