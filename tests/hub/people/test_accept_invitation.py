from datetime import timedelta
from unittest import mock

from django.urls import reverse
from django.utils import timezone

from hub.models import Invitation
from hub.people import services
from tests.hub.people.invitations import invitation_path, invite

NEW_PASSWORD = "a-long-new-secret"


def accept(client, path, password=NEW_PASSWORD):
    return client.post(path, {"password": password})


def test_the_link_sets_a_password_and_signs_the_colleague_in(
    client, school_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        member = invite(school_admin)
    path = invitation_path()
    assert client.get(path).status_code == 200
    response = accept(client, path)
    assert response.status_code == 302
    assert response.url == reverse("ideas:post_idea") + "?welcome=1"
    member.refresh_from_db()
    assert member.check_password(NEW_PASSWORD)
    assert int(client.session["_auth_user_id"]) == member.pk
    assert client.get(reverse("hub:home")).context["user"] == member


def test_a_used_link_is_refused(client, school_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(school_admin)
    path = invitation_path()
    accept(client, path)
    client.post(reverse("logout"))
    assert client.get(path).status_code == 404
    response = accept(client, path, "someone-elses-pw")
    assert response.status_code == 404
    assert "does not work" in response.content.decode()


def test_the_link_works_for_7_days_and_not_a_minute_more(
    client, school_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(school_admin)
    path = invitation_path()
    issued = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=issued + timedelta(days=6, hours=23)):
        assert client.get(path).status_code == 200
    with mock.patch(
        "django.utils.timezone.now", return_value=issued + timedelta(days=7, minutes=1)
    ):
        assert client.get(path).status_code == 404
        assert accept(client, path).status_code == 404
    assert Invitation.objects.get().accepted_at is None


def test_it_checks_the_password_against_the_rules(
    client, school_admin, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        member = invite(school_admin)
    path = invitation_path()
    short = accept(client, path, "short")
    assert "at least 10 characters" in short.content.decode()
    common = accept(client, path, "password123")
    assert "too common" in common.content.decode()
    numeric = accept(client, path, "12345678901234")
    assert "entirely numeric" in numeric.content.decode()
    empty = accept(client, path, "")
    assert "This field is required." in empty.content.decode()
    member.refresh_from_db()
    assert not member.has_usable_password()
    assert Invitation.objects.usable().count() == 1


def test_a_made_up_token_is_a_404(client, db):
    assert client.get("/invitations/made-up/").status_code == 404


def test_a_leavers_link_stops_working(client, school_admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        member = invite(school_admin)
    services.staff_deactivate(staff=member, by=school_admin)
    assert client.get(invitation_path()).status_code == 404
