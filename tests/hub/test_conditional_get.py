"""Conditional GET on every main page (hub.decorators.school_page): a repeat visit
with nothing changed is a `304 Not Modified`; any change it could show is a 200."""

import datetime as dt

import pytest
from django.contrib.messages import constants, get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hub.content import school_changed
from hub.models import NoticeKind
from hub.notifications import notify
from ideas.board import services as board
from tests.events.lunches.factories import LunchFactory
from tests.ideas.board.factories import IdeaFactory
from tests.ideas.scrapbook.factories import EditionFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("within_one_minute")]


@pytest.fixture
def main_pages(school, school_admin):
    lunch = LunchFactory(school=school)
    edition = EditionFactory(created_by=school_admin, school=school)
    return [
        reverse("hub:home"),
        reverse("ideas:board"),
        reverse("ideas:thursday"),
        reverse("events:lunches"),
        lunch.get_absolute_url(),
        reverse("hub:dashboard"),
        edition.get_absolute_url(),
    ]


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def again(client: Client, url: str, first):
    return client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])


def test_every_main_page_answers_a_repeat_visit_with_304(moderator, main_pages):
    client = signed_in(moderator)
    for url in main_pages:
        first = client.get(url)
        assert first.status_code == 200, url
        assert first["Cache-Control"] == "private, no-cache", url
        repeat = again(client, url, first)
        assert repeat.status_code == 304, url
        assert repeat.content == b""


def test_a_change_at_the_school_renders_every_page_again(moderator, school, main_pages):
    client = signed_in(moderator)
    firsts = {url: client.get(url) for url in main_pages}
    school_changed(school)
    for url, first in firsts.items():
        assert again(client, url, first).status_code == 200, url


def test_a_colleagues_new_idea_is_never_hidden_behind_a_304(staff, moderator):
    board_url = reverse("ideas:board")
    viewer = signed_in(staff)
    first = viewer.get(board_url)
    board.idea_create(author=moderator, title="Exit tickets", note="3 Qs", tags=[], colour="blue")
    repeat = again(viewer, board_url, first)
    assert repeat.status_code == 200 and "Exit tickets" in repeat.content.decode()


def test_a_new_notification_changes_the_badge_so_no_304(staff, moderator):
    home = reverse("hub:home")
    client = signed_in(staff)
    first = client.get(home)
    notify(
        recipient=staff,
        kind=NoticeKind.COMMENT,
        target=IdeaFactory(author=staff),
        email_template="notice",
        context={"message": "Hello", "quote": ""},
        message="Hello",
    )
    repeat = again(client, home, first)
    assert repeat.status_code == 200 and '1<span class="visually-hidden"> unread' in (
        repeat.content.decode()
    )


def test_another_persons_etag_never_gets_a_304(staff, moderator):
    home = reverse("hub:home")
    theirs = signed_in(moderator).get(home)
    assert again(signed_in(staff), home, theirs).status_code == 200


def test_a_new_session_of_the_same_person_renders_afresh(staff):
    """The page carries a CSRF token of the session it was made for."""
    home = reverse("hub:home")
    first = signed_in(staff).get(home)
    assert again(signed_in(staff), home, first).status_code == 200


def test_the_next_minute_renders_afresh(staff, monkeypatch):
    home = reverse("hub:home")
    client = signed_in(staff)
    first = client.get(home)
    later = timezone.now() + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert again(client, home, first).status_code == 200


def test_waiting_messages_are_shown_not_hidden_behind_a_304(staff):
    home = reverse("hub:home")
    client = signed_in(staff)
    first = client.get(home)
    # A message left by a form that changed nothing (e.g. "already signed up").
    response = client.get(home)
    request = response.wsgi_request
    storage = get_messages(request)
    storage.add(constants.INFO, "You are already on the list.")
    storage.update(response)
    client.cookies.update(response.cookies)
    repeat = again(client, home, first)
    assert repeat.status_code == 200
    assert "You are already on the list." in repeat.content.decode()


def test_an_etag_of_one_page_never_answers_for_another_schools_object(outsider, school):
    """The ETag is checked before the view looks the lunch up: it names the URL and
    is signed, so another school's staff still get their 404."""
    lunch = LunchFactory(school=school)
    client = signed_in(outsider)
    own_home = client.get(reverse("hub:home"))
    response = client.get(lunch.get_absolute_url(), HTTP_IF_NONE_MATCH=own_home["ETag"])
    assert response.status_code == 404
