"""The dashboard's "Not shared yet" list: a kind, personal invitation, once a half-term."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hub.leaders import encouragement
from hub.models import NoticeKind, Notification, ShareInvitation
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory


def invite_url(member):
    return reverse("hub:invite_to_share", args=[member.pk])


@pytest.fixture
def buddy(school):
    colleague = StaffFactory(school=school, full_name="Bea Buddy")
    NoteFactory(author=colleague)  # shared this term
    return colleague


def test_a_moderator_invites_a_colleague_who_is_told_in_the_app_and_by_email(
    client_for, moderator, staff, buddy, django_capture_on_commit_callbacks
):
    client = client_for(moderator)
    page = client.get(invite_url(staff)).content.decode()
    assert "Hello Alice," in page and "Helen Head" in page  # the suggested wording
    assert "Bea Buddy" in page  # offered as a buddy: she shared this term

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            invite_url(staff), {"message": "Alice, your phonics games!", "buddy": buddy.pk}
        )

    assert response.status_code == 302 and response.url == reverse("hub:dashboard")
    invitation = ShareInvitation.objects.get()
    assert (invitation.recipient, invitation.sent_by, invitation.buddy) == (staff, moderator, buddy)
    notice = Notification.objects.get(recipient=staff)
    assert notice.kind == NoticeKind.SHARE_INVITATION
    assert notice.message == "Helen Head invites you to share an idea: “Alice, your phonics games!”"
    opened = client_for(staff).get(reverse("hub:open_notification", args=[notice.pk]))
    assert opened.url == reverse("ideas:post_idea")
    [email] = mail.outbox
    assert email.to == [staff.email]
    assert "Alice, your phonics games!" in email.body and "Bea Buddy has shared" in email.body
    assert reverse("ideas:post_idea") in email.body


def test_the_dashboard_shows_invited_on_instead_of_the_button(client_for, moderator, staff, ta):
    encouragement.invite_to_share(
        sent_by=moderator, recipient=staff, message="Hi", buddy=None, today=timezone.localdate()
    )
    page = client_for(moderator).get(reverse("hub:dashboard")).content.decode()
    assert f"invited on {timezone.localdate():%-d %b}" in page
    assert invite_url(staff) not in page
    assert invite_url(ta) in page  # not invited yet
    assert invite_url(moderator) not in page  # never themselves


@pytest.fixture
def ta(school):
    return StaffFactory(school=school, full_name="Tariq Assistant")


def test_a_double_submit_sends_one_invitation(
    client_for, moderator, staff, django_capture_on_commit_callbacks
):
    client = client_for(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(invite_url(staff), {"message": "Hello"})
        second = client.post(invite_url(staff), {"message": "Hello"}, follow=True)

    assert ShareInvitation.objects.count() == 1
    assert Notification.objects.filter(recipient=staff).count() == 1
    assert len(mail.outbox) == 1
    assert "already invited this half-term" in second.content.decode()
    assert "You invited Alice Teacher on" in client.get(invite_url(staff)).content.decode()


def test_the_next_half_term_allows_another(moderator, staff):
    send = dict(sent_by=moderator, recipient=staff, message="Hi", buddy=None)
    encouragement.invite_to_share(**send, today=date(2026, 10, 1))
    with pytest.raises(encouragement.AlreadyInvited):
        encouragement.invite_to_share(**send, today=date(2026, 10, 30))
    encouragement.invite_to_share(**send, today=date(2026, 11, 2))
    assert ShareInvitation.objects.count() == 2


@pytest.mark.parametrize(
    ("message", "error"),
    [
        ("", "Write a few kind words"),
        ("   ", "Write a few kind words"),
        ("x" * 801, "at most 800 characters"),
    ],
)
def test_bad_messages_are_refused_next_to_the_field(client_for, moderator, staff, message, error):
    response = client_for(moderator).post(invite_url(staff), {"message": message})
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not ShareInvitation.objects.exists() and not Notification.objects.exists()


def test_html_in_the_message_is_shown_as_text(
    client_for, moderator, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_for(moderator).post(invite_url(staff), {"message": "<script>alert(1)</script>"})
    [email] = mail.outbox
    html = email.alternatives[0][0]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html


@pytest.mark.parametrize("forged", ["other_school", "not_shared", "themselves"])
def test_a_forged_buddy_is_refused(client_for, moderator, staff, outsider, school, forged):
    buddy = {
        "other_school": outsider,
        "not_shared": StaffFactory(school=school),
        "themselves": staff,
    }[forged]
    if forged != "not_shared":
        NoteFactory(author=buddy)  # they shared: only the school and the person are wrong
    response = client_for(moderator).post(invite_url(staff), {"message": "Hi", "buddy": buddy.pk})
    assert "Select a valid choice" in response.content.decode()
    assert not ShareInvitation.objects.exists()


def test_another_schools_or_a_departed_colleague_is_not_found(client_for, moderator, outsider):
    left = StaffFactory(school=moderator.school, is_active=False)
    client = client_for(moderator)
    assert client.get(invite_url(outsider)).status_code == 404
    assert client.post(invite_url(outsider), {"message": "Hi"}).status_code == 404
    assert client.get(invite_url(left)).status_code == 404
    assert client.get(invite_url(moderator)).status_code == 404  # not themselves
    assert not ShareInvitation.objects.exists()


def test_two_moderators_at_the_same_moment_still_make_one_invitation(moderator, staff, monkeypatch):
    today = timezone.localdate()
    encouragement.invite_to_share(
        sent_by=moderator, recipient=staff, message="First", buddy=None, today=today
    )
    other = StaffFactory(school=moderator.school, is_moderator=True)
    real_check = encouragement.invitation_this_half_term
    checks = iter([None])  # the second one's check ran before the first committed

    def racing_check(**kwargs):
        return next(checks, None) or real_check(**kwargs)

    monkeypatch.setattr(encouragement, "invitation_this_half_term", racing_check)
    with pytest.raises(encouragement.AlreadyInvited) as refused:
        encouragement.invite_to_share(
            sent_by=other, recipient=staff, message="Second", buddy=None, today=today
        )

    assert refused.value.invitation.message == "First"
    assert ShareInvitation.objects.count() == 1
    assert Notification.objects.filter(recipient=staff).count() == 1  # the second rolled back
