import re

from django.core import mail
from django.test import TestCase
from django.urls import reverse

from tests.factories import PASSWORD


def _reset(client, email: str):
    """Ask for a reset, then run what the request queued (the email task) as the worker would."""
    with TestCase.captureOnCommitCallbacks() as callbacks:
        response = client.post(reverse("password_reset"), {"email": email})
    # Nothing was sent by the request itself: a slow mail server cannot slow it.
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    return response


def test_it_emails_a_reset_link_that_sets_a_new_password(client, staff):
    response = _reset(client, staff.email)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [staff.email]
    link = re.search(r"https?://[^/\s]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)

    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_password_url = form.redirect_chain[-1][0]
    done = client.post(
        set_password_url,
        {"new_password1": "a-brand-new-secret", "new_password2": "a-brand-new-secret"},
    )
    assert done.status_code == 302
    staff.refresh_from_db()
    assert staff.check_password("a-brand-new-secret")


def test_it_says_the_same_for_an_unknown_email_and_sends_nothing(client, db):
    response = _reset(client, "nobody@nowhere.example")
    assert response.status_code == 302
    assert mail.outbox == []


def test_a_deactivated_colleague_gets_no_reset_email(client, staff):
    staff.is_active = False
    staff.save()
    _reset(client, staff.email)
    assert mail.outbox == []


def test_a_used_reset_link_is_refused(client, staff):
    _reset(client, staff.email)
    link = re.search(r"(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    url = form.redirect_chain[-1][0]
    client.post(url, {"new_password1": "a-brand-new-secret", "new_password2": "a-brand-new-secret"})
    again = client.get(link, follow=True)
    assert "_auth_user_id" not in client.session
    assert not again.context["validlink"]
    staff.refresh_from_db()
    assert not staff.check_password(PASSWORD)


def test_a_reset_lifts_a_sign_in_lockout(client, staff):
    for _ in range(5):
        client.post("/accounts/login/", {"username": staff.email, "password": "wrong-one"})
    locked = client.post("/accounts/login/", {"username": staff.email, "password": PASSWORD})
    assert locked.status_code == 429
    _reset(client, staff.email)
    link = re.search(r"(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(url, {"new_password1": "a-brand-new-secret", "new_password2": "a-brand-new-secret"})
    response = client.post(
        "/accounts/login/", {"username": staff.email, "password": "a-brand-new-secret"}
    )
    assert response.status_code == 302
