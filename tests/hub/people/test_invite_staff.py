from django.core import mail
from django.urls import reverse

from hub.models import Invitation, Role, Staff
from tests.hub.people.invitations import invitation_path

URL = reverse("hub:invite_staff")


def invite(client, **overrides):
    data = {"email": "new.colleague@oakfield.example", "full_name": "Nia New", "role": "support"}
    return client.post(URL, {**data, **overrides})


def test_it_invites_a_colleague_by_email_with_a_one_time_link(client_for, school_admin, sends):
    with sends():
        response = invite(client_for(school_admin), email="New.Colleague@Oakfield.example")
    assert response.status_code == 302
    member = Staff.objects.get(email="new.colleague@oakfield.example")
    assert member.school == school_admin.school
    assert member.role == Role.SUPPORT
    assert not member.has_usable_password()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.colleague@oakfield.example"]
    assert "Olivia Office" in message.body
    assert invitation_path(message).startswith("/invitations/")
    assert Invitation.objects.get(staff=member).accepted_at is None


def test_it_stores_only_a_hash_of_the_token(client_for, school_admin, sends):
    with sends():
        invite(client_for(school_admin))
    token = invitation_path().split("/")[2]
    assert not Invitation.objects.filter(token_hash=token).exists()


def test_it_says_so_when_the_email_already_has_an_account(client_for, school_admin, staff):
    response = invite(client_for(school_admin), email=staff.email.upper())
    assert response.status_code == 200
    assert "already has an account" in response.content.decode()
    assert mail.outbox == []


def test_it_refuses_an_empty_name_and_a_bad_email(client_for, school_admin):
    response = invite(client_for(school_admin), email="not-an-email", full_name="   ")
    form = response.context["form"]
    assert set(form.errors) == {"email", "full_name"}
    assert Staff.objects.count() == 1


def test_it_refuses_an_over_long_name(client_for, school_admin):
    response = invite(client_for(school_admin), full_name="x" * 121)
    assert "full_name" in response.context["form"].errors


def test_it_is_for_school_admins_only(client_for, staff, moderator):
    assert invite(client_for(staff)).status_code == 403
    assert invite(client_for(moderator)).status_code == 403
    assert mail.outbox == []
