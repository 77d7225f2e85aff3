"""Hostile names through the staff CSV import, script links in URL fields, and `next`
parameters that try to send people to another site."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.lunches.forms import InputForm
from hub.models import Staff
from ideas.thursday.forms import QuestionForm
from tests.hub.leaders.factories import note_by_colleague
from tests.security.html_scan import injected_markup
from tests.security.payloads import PAYLOADS


def _csv(rows: list[tuple[str, str]]) -> SimpleUploadedFile:
    lines = ["email,full name,role"]
    for email, name in rows:
        quoted = '"' + name.replace('"', '""') + '"'
        lines.append(f"{email},{quoted},teacher")
    return SimpleUploadedFile("staff.csv", "\n".join(lines).encode(), "text/csv")


def test_hostile_names_in_a_csv_import_are_stored_and_shown_as_text(
    client_for, school_admin, django_capture_on_commit_callbacks
):
    rows = [(f"p{n}@oakfield.example", payload) for n, payload in enumerate(PAYLOADS)]
    client = client_for(school_admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("hub:import_staff"), {"file": _csv(rows)})
    assert response.status_code == 302
    names = set(
        Staff.objects.filter(email__endswith="oakfield.example").values_list("full_name", flat=True)
    )
    assert {payload.strip() for payload in PAYLOADS} <= names
    page = client.get(reverse("hub:staff_list") + "?per_page=100").content.decode()
    assert not injected_markup(page)
    for message in mail.outbox:
        html = message.alternatives[0][0] if message.alternatives else ""
        assert not injected_markup(html, email=True), message.subject


def test_a_refused_import_shows_hostile_names_back_as_text(client_for, school_admin):
    rows = [("not-an-email", payload) for payload in PAYLOADS[:10]]
    response = client_for(school_admin).post(reverse("hub:import_staff"), {"file": _csv(rows)})
    page = response.content.decode()
    assert response.status_code == 200
    assert not injected_markup(page)
    assert "not-an-email" in page


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x"]
)
def test_links_may_only_be_web_addresses(link):
    question = QuestionForm(data={"text": "Why?", "link": link})
    assert not question.is_valid()
    assert "link" in question.errors
    talk = InputForm(data={"title": "Talk", "kind": "finding", "summary": "S", "link": link})
    assert not talk.is_valid()
    assert "link" in talk.errors


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_next_never_sends_anyone_to_another_site(client_for, school, staff, moderator, target):
    note = note_by_colleague(school)
    flag = reverse("hub:flag", kwargs={"kind": "leaders_app.note", "pk": note.pk})
    response = client_for(staff).post(flag, {"reason": "Please check", "next": target})
    assert response.status_code == 302
    assert "evil.example" not in response.url
    celebrate = reverse("hub:celebrate", kwargs={"kind": "leaders_app.note", "pk": note.pk})
    response = client_for(moderator).post(celebrate, {"note": "Thanks", "next": target})
    assert response.status_code == 302
    assert "evil.example" not in response.url


def test_the_email_scan_allows_only_the_layouts_own_styling():
    ours = (
        "<html><head><style>@media (max-width: 620px) {}</style></head>"
        "<body><p style='margin: 0'>Hi</p></body></html>"
    )
    assert injected_markup(ours, email=True) == []
    injected = (
        "<html><head></head><body><style>p{}</style><img src=x onerror=alert(1)></body></html>"
    )
    assert len(injected_markup(injected, email=True)) == 2
