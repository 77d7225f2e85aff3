"""Bulk emails carry RFC 8058 one-click unsubscribe headers; the signed link stops exactly
one kind of email for exactly one person, with no sign-in and no CSRF token."""

import datetime as dt
import re
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from events.lunches.jobs import remind_lunch_attendees
from hub import unsubscribe as unsubscribing
from hub.models import EmailPreference, NoticeHow, NoticeKind
from hub.unsubscribe import DIGEST, unsubscribe_token
from ideas.board.jobs import ask_how_it_went
from ideas.board.models import Reaction, ReactionKind
from ideas.board.services import comment_add
from tests.events.lunches.factories import LunchFactory, SignUpFactory
from tests.ideas.board.factories import IdeaFactory, ReactionFactory

ONE_CLICK = "List-Unsubscribe=One-Click"


def one_click(token: str, client: Client | None = None):
    """What a mail client does (RFC 8058): a POST with that body, no cookies, no CSRF token."""
    client = client or Client(enforce_csrf_checks=True)
    return client.post(
        reverse("hub:unsubscribe", args=[token]),
        data=ONE_CLICK,
        content_type="application/x-www-form-urlencoded",
    )


def header_token(message) -> str:
    url = re.fullmatch(r"<(.+)>", message.extra_headers["List-Unsubscribe"]).group(1)
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_a_lunch_reminder_is_bulk_and_its_one_click_stops_lunch_emails_only(
    school, staff, mailoutbox, django_capture_on_commit_callbacks
):
    lunch = LunchFactory(school=school, starts_at=dt.datetime(2031, 3, 12, 12, 15, tzinfo=dt.UTC))
    SignUpFactory(lunch=lunch, staff=staff)
    with django_capture_on_commit_callbacks(execute=True):
        remind_lunch_attendees(lunch.starts_at - timedelta(hours=20))
    [message] = mailoutbox
    assert message.extra_headers["List-Unsubscribe-Post"] == ONE_CLICK
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    token = header_token(message)
    assert token in message.body and token in message.alternatives[0][0]

    response = one_click(token)

    assert response.status_code == 200
    staff.refresh_from_db()
    assert staff.notice_preferences == {NoticeKind.LUNCH: NoticeHow.DIGEST}
    assert staff.email_preference == EmailPreference.INSTANT
    assert staff.gets_weekly_digest is True


def test_a_follow_up_sent_in_bulk_carries_the_headers_for_its_kind(
    school, staff, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(author=moderator)
    reaction = ReactionFactory(idea=idea, author=staff, kind=ReactionKind.WILL_TRY)
    Reaction.objects.filter(pk=reaction.pk).update(created_at=timezone.now() - timedelta(days=15))
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_how_it_went(timezone.now()) == 1
    [message] = mailoutbox
    assert message.extra_headers["List-Unsubscribe-Post"] == ONE_CLICK
    assert signing.loads(header_token(message), salt=unsubscribing.SALT)["kind"] == "follow_up"
    assert "Unsubscribe from emails about “How did it go?” after you said" in message.body


def test_a_personal_email_is_not_bulk(
    school, staff, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(author=staff)
    with django_capture_on_commit_callbacks(execute=True):
        comment_add(idea=idea, author=moderator, text="Lovely, thank you")
    [message] = mailoutbox
    assert "List-Unsubscribe" not in message.extra_headers
    assert "/unsubscribe/" not in message.body


def test_the_one_click_post_needs_no_sign_in_and_no_csrf_token(staff):
    response = one_click(unsubscribe_token(staff, DIGEST))
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    staff.refresh_from_db()
    assert staff.gets_weekly_digest is False
    assert staff.email_preference == EmailPreference.INSTANT
    assert staff.notice_preferences == {}


def test_it_unsubscribes_exactly_that_person(staff, moderator):
    one_click(unsubscribe_token(staff, NoticeKind.THURSDAY))
    moderator.refresh_from_db()
    assert moderator.notice_preferences == {} and moderator.gets_weekly_digest is True


def test_a_get_only_asks(client, staff):
    response = client.get(reverse("hub:unsubscribe", args=[unsubscribe_token(staff, "lunch")]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Unsubscribe from emails about learning lunches" in body
    assert '<button type="submit"' in body
    staff.refresh_from_db()
    assert staff.notice_preferences == {}


def _forge(token: str, **changes) -> str:
    """The same signature over a payload changed to name someone or something else."""
    payload = signing.loads(token, salt=unsubscribing.SALT)
    other = signing.dumps({**payload, **changes}, salt="not the secret salt")
    return other.rsplit(":", 2)[0] + ":" + ":".join(token.rsplit(":", 2)[1:])


@pytest.mark.parametrize("tamper", ["other_kind", "other_person", "cut_short", "unsigned"])
def test_a_forged_or_tampered_link_answers_400_and_changes_nothing(staff, moderator, tamper):
    token = unsubscribe_token(staff, NoticeKind.LUNCH)
    forged = {
        "other_kind": _forge(token, kind=DIGEST),
        "other_person": _forge(token, staff=moderator.pk, email=moderator.email),
        "cut_short": token[:-3],
        "unsigned": signing.dumps({"staff": staff.pk, "email": staff.email, "kind": "lunch"}),
    }[tamper]

    response = one_click(forged)

    assert response.status_code == 400
    assert "Nothing has been changed" in response.content.decode()
    for person in (staff, moderator):
        person.refresh_from_db()
        assert person.notice_preferences == {}
        assert person.gets_weekly_digest is True
        assert person.email_preference == EmailPreference.INSTANT


def test_a_kind_that_is_not_bulk_is_refused_even_if_signed(staff):
    token = unsubscribing.signing.dumps(
        {"staff": staff.pk, "email": staff.email, "kind": NoticeKind.MODERATION},
        salt=unsubscribing.SALT,
    )
    assert one_click(token).status_code == 400


def test_an_old_digest_link_without_a_kind_still_stops_every_email_as_it_promised(staff):
    old = signing.dumps({"staff": staff.pk, "email": staff.email}, salt=unsubscribing.SALT)
    assert one_click(old).status_code == 200
    staff.refresh_from_db()
    assert staff.email_preference == EmailPreference.OFF


def test_a_digest_unsubscriber_gets_no_digest_but_still_gets_instant_emails(
    school, staff, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    from hub.leaders.digest import digest_recipients

    one_click(unsubscribe_token(staff, DIGEST))
    assert staff not in digest_recipients(school)
    idea = IdeaFactory(author=staff)
    with django_capture_on_commit_callbacks(execute=True):
        comment_add(idea=idea, author=moderator, text="Thank you")
    assert [m.to for m in mailoutbox] == [[staff.email]]
