"""Production settings, headers and passwords. `check --deploy`, the lockout and the
invitation's password rules are proved in tests/hub (test_security, test_sign_in,
test_accept_invitation); these add what they leave out."""

import json
import secrets
import subprocess
import sys

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.events.lunches.factories import LunchFactory
from tests.hub.test_security import ROOT, production_environment
from tests.ideas.board.factories import IdeaFactory

PRINT_SETTINGS = """
import django, json
django.setup()
from django.conf import settings as s
names = ["SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY",
         "CSRF_COOKIE_HTTPONLY", "SESSION_COOKIE_AGE", "SESSION_COOKIE_SAMESITE",
         "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "DEBUG", "AXES_FAILURE_LIMIT"]
print(json.dumps({name: getattr(s, name) for name in names}))
"""


def test_production_settings_make_cookies_secure_and_sessions_expire():
    env = production_environment(
        DJANGO_SETTINGS_MODULE="hub.settings",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(60),
        DJANGO_ALLOWED_HOSTS="staffroom.example",
    )
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    production = json.loads(result.stdout.strip().splitlines()[-1])
    assert production["DEBUG"] is False
    assert production["SESSION_COOKIE_SECURE"] is True
    assert production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_HTTPONLY"] is True
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    # Sessions end: two weeks at most, so a shared staffroom computer forgets people.
    assert 0 < production["SESSION_COOKIE_AGE"] <= 60 * 60 * 24 * 14
    assert production["AXES_FAILURE_LIMIT"] == 5


def test_the_session_cookie_sent_on_sign_in_expires_and_hides_from_scripts(client, staff):
    from tests.factories import PASSWORD

    response = client.post(reverse("login"), {"username": staff.email, "password": PASSWORD})
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert 0 < int(cookie["max-age"]) <= 60 * 60 * 24 * 14


def _pages(world) -> list[str]:
    idea = IdeaFactory(author=world.people["staff"])
    lunch = LunchFactory(school=world.school)
    return [
        reverse("login"),
        reverse("hub:home"),
        reverse("ideas:board"),
        reverse("ideas:idea_detail", kwargs={"pk": idea.pk}),
        reverse("ideas:thursday"),
        reverse("events:lunches"),
        reverse("events:lunch_detail", kwargs={"pk": lunch.pk}),
        reverse("hub:edit_profile"),
        reverse("hub:dashboard"),
        reverse("hub:moderation_queue"),
        "/no-such-page/",
    ]


def test_every_page_sends_a_policy_with_nothing_inline(client, world):
    client.force_login(world.people["moderator"])
    for url in _pages(world):
        response = client.get(url)
        policy = response.headers.get("Content-Security-Policy", "")
        assert "script-src 'self'" in policy, url
        assert "style-src 'self'" in policy, url
        assert "'unsafe-inline'" not in policy, url
        assert "'unsafe-eval'" not in policy, url
        body = response.content.decode()
        assert "<script>" not in body and " style=" not in body and "<style" not in body, url
        assert " onload=" not in body and " onclick=" not in body, url


@pytest.mark.parametrize(
    "password",
    ["short1", "1234567890123", "password123", "Alice Teacher", "alice@oakfield.example"],
)
def test_weak_passwords_are_refused(staff, password):
    with pytest.raises(ValidationError):
        password_validation.validate_password(password, staff)


def test_a_password_change_checks_the_rules(client_for, staff):
    from tests.factories import PASSWORD

    response = client_for(staff).post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "12345678901", "new_password2": "12345678901"},
    )
    assert response.status_code == 200
    staff.refresh_from_db()
    assert staff.check_password(PASSWORD)
