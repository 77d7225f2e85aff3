"""A school admin learns nothing about other schools' accounts (issue 14, item 5).

Every page where an admin types or uploads an address (invite, CSV import)
answers an address with an account at another school exactly as it answers a
new address; the person who has the account is told by email instead.
"""

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hub.models import Invitation, Staff

NEW = "brand.new@elsewhere.example"
HEADER = "email,full name,role\n"


def _invite(client, email):
    return client.post(
        reverse("hub:invite_staff"), {"email": email, "full_name": "Sam Same", "role": "teacher"}
    )


def _import(client, email):
    text = HEADER + f"{email},Sam Same,teacher\n"
    upload = SimpleUploadedFile("staff.csv", text.encode(), "text/csv")
    return client.post(reverse("hub:import_staff"), {"file": upload})


# Every way an admin can offer an email address to Staffroom.
ENTRY_POINTS = {"invite_staff": _invite, "import_staff": _import}


def _answer(response, email: str) -> tuple:
    """What the admin sees, with the address itself taken out."""
    notes = [str(m).replace(email, "<email>") for m in get_messages(response.wsgi_request)]
    body = response.content.decode().replace(email, "<email>")
    return response.status_code, response.get("Location"), notes, body


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_an_account_at_another_school_gets_the_same_answer_as_a_new_address(
    entry, school_admin, outsider, sends
):
    answers = []
    for email in (NEW, outsider.email):
        client = Client()  # a fresh session each time: no message left over from the last
        client.force_login(school_admin)
        with sends():
            answers.append(_answer(ENTRY_POINTS[entry](client, email), email))
    for_new, for_outsider = answers

    assert for_outsider == for_new
    assert for_new[0] == 302
    # Nothing changed for the outsider: same school, no invitation.
    outsider.refresh_from_db()
    assert outsider.school_id != school_admin.school_id
    assert not Invitation.objects.filter(staff=outsider).exists()
    assert Staff.objects.filter(email=outsider.email).count() == 1
    # The owner of the address hears about it; the new address got its invitation.
    assert sorted(message.to[0] for message in mail.outbox) == sorted([NEW, outsider.email])
    told = next(message for message in mail.outbox if message.to == [outsider.email])
    assert school_admin.school.name in told.subject
    assert "already has a Staffroom account" in told.body
    assert "/invitations/" not in told.body


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_an_account_at_this_school_is_still_named(entry, client_for, school_admin, staff):
    response = ENTRY_POINTS[entry](client_for(school_admin), staff.email)
    assert response.status_code == 200
    assert "already has" in response.content.decode()
    assert mail.outbox == []
