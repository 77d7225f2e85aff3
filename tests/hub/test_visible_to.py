"""The one scoping rule: what each staff member may see of everyone's contributions."""

import pytest
from django.contrib.auth.models import AnonymousUser

from hub.access import get_editable_or_404, get_visible_or_404
from hub.models import Status, Visibility
from tests.factories import NetworkFactory, SchoolFactory, StaffFactory
from tests.hub.leaders.notes import note
from tests.leaders_app.models import Note


def seen_by(person) -> set[str]:
    return set(Note.objects.visible_to(person).values_list("text", flat=True))


@pytest.fixture
def colleague(school):
    return StaffFactory(school=school, full_name="Colin Colleague")


def test_staff_see_what_colleagues_shared_and_their_own_work_in_any_state(staff, colleague):
    note(colleague, "shared")
    note(colleague, "their draft", Status.DRAFT)
    note(colleague, "their submitted", Status.SUBMITTED)
    note(colleague, "their hidden", Status.HIDDEN)
    note(colleague, "their returned", Status.RETURNED)
    for status in Status:
        note(staff, f"my {status}", status)
    assert seen_by(staff) == {"shared"} | {f"my {status}" for status in Status}


def test_moderators_see_everything_at_their_school_but_other_peoples_drafts(moderator, colleague):
    for status in Status:
        note(colleague, str(status), status)
    assert seen_by(moderator) == {"published", "submitted", "hidden", "returned"}


def test_nothing_of_another_school_unless_opened_beyond_it(staff, outsider):
    note(outsider, "their school only")
    note(outsider, "their network, no shared network", visibility=Visibility.NETWORK)
    note(outsider, "public", visibility=Visibility.PUBLIC)
    note(outsider, "public draft", Status.DRAFT, Visibility.PUBLIC)
    note(outsider, "public but hidden", Status.HIDDEN, Visibility.PUBLIC)
    assert seen_by(staff) == {"public"}


def test_network_schools_see_what_was_opened_to_the_network(staff, outsider, school):
    network = NetworkFactory()
    network.schools.add(school, outsider.school)
    note(outsider, "network")
    Note.objects.update(visibility=Visibility.NETWORK)
    note(outsider, "network but submitted", Status.SUBMITTED, Visibility.NETWORK)
    stranger = StaffFactory(school=SchoolFactory())
    note(stranger, "a stranger's network note", visibility=Visibility.NETWORK)
    assert seen_by(staff) == {"network"}


def test_a_moderator_sees_nothing_unshared_from_another_school(moderator, outsider):
    note(outsider, "submitted elsewhere", Status.SUBMITTED, Visibility.PUBLIC)
    assert seen_by(moderator) == set()


def test_people_without_a_school_and_anonymous_visitors_see_nothing(db, staff):
    note(staff, "public", visibility=Visibility.PUBLIC)
    assert seen_by(AnonymousUser()) == set()
    assert seen_by(StaffFactory(school=None)) == set()


def test_another_schools_object_is_a_404_and_someone_elses_a_403(staff, colleague, outsider):
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    theirs = note(outsider, "elsewhere")
    colleagues = note(colleague, "next door")
    with pytest.raises(Http404):
        get_visible_or_404(Note.objects.all(), staff, pk=theirs.pk)
    with pytest.raises(PermissionDenied):
        get_editable_or_404(Note.objects.all(), staff, pk=colleagues.pk)
    mine = note(staff, "mine")
    assert get_editable_or_404(Note.objects.all(), staff, pk=mine.pk) == mine


def test_the_scoping_rule_is_one_query(staff, django_assert_num_queries):
    note(staff, "mine")
    with django_assert_num_queries(1):
        list(Note.objects.visible_to(staff))
