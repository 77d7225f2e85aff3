from django.core import mail
from django.urls import reverse

from hub.models import Flag, Status
from tests.factories import StaffFactory
from tests.hub.leaders.factories import note_by_colleague


def flag_url(note):
    return reverse("hub:flag", args=["leaders_app.note", note.pk])


def test_staff_flag_a_contribution_and_moderators_are_emailed(
    client_for, staff, moderator, school, django_capture_on_commit_callbacks
):
    StaffFactory(school=school, is_moderator=True, is_active=False)
    note = note_by_colleague(school)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(staff).post(
            flag_url(note), {"reason": "It names a pupil", "next": "/board/"}
        )
    assert response.status_code == 302 and response.url == "/board/"
    flag = Flag.objects.get()
    assert (flag.flagged_by, flag.reason, flag.target) == (staff, "It names a pupil", note)
    assert [message.to for message in mail.outbox] == [[moderator.email]]
    assert "It names a pupil" in mail.outbox[0].body
    assert "/moderation/" in mail.outbox[0].body


def test_flagging_twice_keeps_one_flag_and_says_so(client_for, staff, school):
    note = note_by_colleague(school)
    client = client_for(staff)
    client.post(flag_url(note), {"reason": "First"})
    response = client.post(flag_url(note), {"reason": "Again"}, follow=True)
    assert Flag.objects.count() == 1
    assert "You already flagged this" in response.content.decode()
    assert "You already flagged this" in client.get(flag_url(note)).content.decode()


def test_a_flag_needs_a_reason_within_the_limit(client_for, staff, school):
    note = note_by_colleague(school)
    client = client_for(staff)
    response = client.post(flag_url(note), {"reason": "   "})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    response = client.post(flag_url(note), {"reason": "x" * 501})
    assert "at most 500 characters" in response.content.decode()
    assert not Flag.objects.exists()


def test_another_schools_contribution_is_a_404(client_for, outsider, staff):
    note = note_by_colleague(staff.school)
    assert client_for(outsider).post(flag_url(note), {"reason": "x"}).status_code == 404
    assert not Flag.objects.exists()


def test_hidden_and_own_contributions_cannot_be_flagged(client_for, staff, moderator, school):
    hidden = note_by_colleague(school, status=Status.HIDDEN)
    own = note_by_colleague(school)
    own.author = staff
    own.save()
    client = client_for(staff)
    assert client.post(flag_url(hidden), {"reason": "x"}).status_code == 404
    response = client.post(flag_url(own), {"reason": "x"}, follow=True)
    assert "cannot flag your own" in response.content.decode()
    assert not Flag.objects.exists()


def test_html_in_a_reason_is_shown_as_text_in_the_queue(client_for, staff, moderator, school):
    note = note_by_colleague(school)
    client_for(staff).post(flag_url(note), {"reason": "<script>alert(1)</script>"})
    body = client_for(moderator).get(reverse("hub:moderation_queue")).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_a_forged_flag_without_csrf_is_refused(staff, school):
    from django.test import Client

    note = note_by_colleague(school)
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    assert client.post(flag_url(note), {"reason": "x"}).status_code == 403
