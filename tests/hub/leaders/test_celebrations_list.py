"""The home page's celebrations panel is kept in the school's fragment (no UNION planned on
every home page) and read afresh after any change at the school, so it never shows what
is hidden or out of sight."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from hub import fragments, moderation
from hub.leaders import selectors
from hub.models import Status, Visibility
from tests.hub.leaders.factories import note_by_colleague
from tests.leaders_app.models import Note

HOME = reverse("hub:home")


@pytest.fixture
def celebrated(school, moderator, django_capture_on_commit_callbacks):
    def celebrate(text: str, at_school=None, actor=None) -> Note:
        note = note_by_colleague(at_school or school, text=text)
        with django_capture_on_commit_callbacks(execute=True):
            moderation.celebrate(note, actor=actor or moderator, note="Thank you")
        return note

    return celebrate


def shown(viewer) -> list:
    return [entry.item for entry in selectors.latest_celebrations(viewer)]


def test_the_second_home_page_reads_the_list_without_the_union(client_for, staff, celebrated):
    celebrated("Lolly sticks")
    client = client_for(staff)
    client.get(HOME)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(HOME)
    assert "Lolly sticks" in response.content.decode()
    assert not [query for query in queries if "UNION" in query["sql"].upper()]


def test_a_new_celebration_shows_at_once_though_the_list_was_kept(staff, celebrated):
    first = celebrated("First")
    assert shown(staff) == [first]
    second = celebrated("Second")
    assert shown(staff) == [second, first]


def test_a_kept_list_never_shows_a_celebration_hidden_since(staff, celebrated):
    kept, other = celebrated("Kept"), celebrated("Other")
    assert shown(staff) == [other, kept]
    Note.objects.filter(pk=other.pk).update(status=Status.HIDDEN)
    assert shown(staff) == [kept]


def test_a_kept_list_never_shows_another_school_what_was_narrowed_since(
    staff, outsider, celebrated, other_school
):
    from hub.models import Network

    network = Network.objects.create(name="Trust")
    network.schools.add(staff.school, other_school)
    theirs = celebrated(
        "Shared with the trust", at_school=other_school, actor=_moderator_at(other_school)
    )
    Note.objects.filter(pk=theirs.pk).update(visibility=Visibility.NETWORK)
    assert shown(staff) == [theirs]
    Note.objects.filter(pk=theirs.pk).update(visibility=Visibility.SCHOOL)
    assert shown(staff) == []


def test_each_school_keeps_its_own_list(staff, outsider, celebrated, other_school):
    ours = celebrated("Ours")
    theirs = celebrated("Theirs", at_school=other_school, actor=_moderator_at(other_school))
    assert shown(staff) == [ours]
    assert shown(outsider) == [theirs]
    assert shown(staff) == [ours]


def test_a_cache_that_is_down_costs_speed_only(client_for, staff, celebrated):
    celebrated("Still shown")
    with mock.patch.object(fragments.cache, "get", side_effect=ConnectionError("down")):
        assert "Still shown" in client_for(staff).get(HOME).content.decode()


def _moderator_at(school):
    from tests.factories import StaffFactory

    return StaffFactory(school=school, is_moderator=True)
