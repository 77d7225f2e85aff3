"""Every email leaves through the task queue, never from a web request (issue 14, item 1).

The suite's mail backend (tests/mail_backend.py) fails any test in which a request
sends mail itself, so every view any test drives is checked; these tests show
that it catches the example (Django's own password-reset form) and lets task
mail through, and that no code but hub.tasks talks to the mail server.
"""

import ast
from pathlib import Path

import pytest
from django.contrib.auth.forms import PasswordResetForm
from django.core import mail
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from hub.tasks import send_email
from tests import mail_backend

ROOT = Path(__file__).resolve().parents[2]
MAIL_CALLS = {
    "send_mail",
    "send_mass_mail",
    "mail_admins",
    "mail_managers",
    "EmailMessage",
    "EmailMultiAlternatives",
    "get_connection",
}


@pytest.fixture
def in_a_request(db):
    """The signals a request sends, as Django's test client sends them (keeping the
    test's database connection open)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        request_started.send(sender=None)
        yield
        request_finished.send(sender=None)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    mail_backend.reset()  # This test broke the rule on purpose.


def test_mail_sent_by_a_request_itself_fails_the_test(in_a_request):
    with pytest.raises(AssertionError, match="sent mail itself"):
        mail.send_mail("Hello", "Body", None, ["a@oakfield.example"])
    assert mail_backend.violations == ["'Hello'"]
    assert mail.outbox == []


def test_djangos_own_reset_form_which_sends_from_the_request_would_fail(in_a_request, staff):
    form = PasswordResetForm({"email": staff.email})
    assert form.is_valid()
    form.save(domain_override="staffroom.example")
    # Django logs and swallows a failed send: the list of violations still fails the test.
    assert mail_backend.violations == ["'Password reset on staffroom.example'"]
    assert mail.outbox == []


def test_mail_sent_by_a_task_during_a_request_is_allowed(in_a_request):
    send_email.enqueue(to=["a@oakfield.example"], subject="Hi", text="Hi", html="<p>Hi</p>")
    assert [message.to for message in mail.outbox] == [["a@oakfield.example"]]
    assert mail_backend.violations == []


def test_outside_a_request_mail_is_allowed(db):
    mail.send_mail("Hello", "Body", None, ["a@oakfield.example"])
    assert len(mail.outbox) == 1


def _talks_to_mail(node: ast.AST) -> bool:
    if isinstance(node, ast.ImportFrom):
        return (node.module or "").startswith("django.core.mail")
    if isinstance(node, ast.Import):
        return any(alias.name.startswith("django.core.mail") for alias in node.names)
    return isinstance(node, ast.Attribute) and node.attr in MAIL_CALLS


def _mail_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    where = path.relative_to(ROOT)
    return [f"{where}:{node.lineno}" for node in ast.walk(tree) if _talks_to_mail(node)]


def test_only_the_email_task_talks_to_the_mail_server():
    """So every email is sent by the worker, and recorded against a retry (hub.tasks)."""
    files = [
        path
        for app in ("hub", "ideas", "events")
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts and path != ROOT / "hub" / "tasks.py"
    ]
    assert len(files) > 100
    assert [hit for path in files for hit in _mail_calls(path)] == []
