"""Deployment checks, the Content-Security-Policy and CSRF protection."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import Client
from django.urls import reverse

from hub.models import Staff

ROOT = Path(__file__).resolve().parents[2]


def production_environment(**settings: str) -> dict[str, str]:
    """This machine's environment minus what tests set (the browser tests' async flag)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "STAFFROOM_", "EMAIL_"))
    }
    return {**env, **settings}


def test_check_deploy_prints_no_warnings_with_production_settings():
    env = production_environment(
        **{
            "DJANGO_SETTINGS_MODULE": "hub.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
            "DJANGO_ALLOWED_HOSTS": "staffroom.example",
        }
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = production_environment(DJANGO_SETTINGS_MODULE="hub.settings", DJANGO_DEBUG="0")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "Set DJANGO_SECRET_KEY" in result.stderr


def test_the_content_security_policy_allows_nothing_inline(client, db):
    response = client.get(reverse("login"))
    policy = response.headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_have_no_inline_scripts_or_styles(client_for, school_admin):
    client = client_for(school_admin)
    for name in ("hub:home", "hub:staff_list", "hub:invite_staff", "hub:import_staff"):
        page = client.get(reverse(name)).content.decode()
        assert "<script>" not in page
        assert " style=" not in page
        assert "<style" not in page


def test_a_forged_invite_without_a_csrf_token_is_refused(school_admin):
    client = Client(enforce_csrf_checks=True)
    client.force_login(school_admin)
    response = client.post(
        reverse("hub:invite_staff"),
        {"email": "forged@oakfield.example", "full_name": "Forged", "role": "teacher"},
    )
    assert response.status_code == 403
    assert not Staff.objects.filter(email="forged@oakfield.example").exists()


def test_pages_may_not_be_framed_and_sniffing_is_off(client, db):
    response = client.get(reverse("login"))
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
