import pytest
from django.urls import reverse

from hub.models import Flag, Status
from hub.registry import contribution_kinds
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory, note_by_colleague

QUEUE = "/moderation/"


def flag(note, by, reason="Names a pupil"):
    return Flag.objects.create(school=note.school, target=note, flagged_by=by, reason=reason)


def test_it_lists_waiting_and_flagged_contributions_in_full(client_for, moderator, staff, school):
    waiting = NoteFactory(author=staff, status=Status.SUBMITTED, text="Waiting line one\nline two")
    flagged = note_by_colleague(school, text="Shared but flagged")
    flag(flagged, staff, reason="There is a child's surname in it")
    note_by_colleague(school, text="Just shared, nothing wrong")
    response = client_for(moderator).get(QUEUE)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Waiting line one\nline two" in body
    assert "Shared but flagged" in body
    assert "There is a child&#x27;s surname in it" in body
    assert "Just shared, nothing wrong" not in body
    assert f'value="{waiting.version}"' in body


def test_it_lists_oldest_first(client_for, moderator, school):
    first = note_by_colleague(school, status=Status.SUBMITTED, text="The older one")
    note_by_colleague(school, status=Status.SUBMITTED, text="The newer one")
    body = client_for(moderator).get(QUEUE).content.decode()
    assert body.index(first.text) < body.index("The newer one")


def test_it_leaves_out_other_schools_and_resolved_flags(
    client_for, moderator, outsider, staff, school
):
    NoteFactory(author=outsider, status=Status.SUBMITTED, text="Elsewhere waiting")
    dismissed = note_by_colleague(school, text="Flag already dismissed")
    old = flag(dismissed, staff)
    Flag.objects.filter(pk=old.pk).update(resolved_at=old.created_at, resolution="dismissed")
    body = client_for(moderator).get(QUEUE).content.decode()
    assert "Elsewhere waiting" not in body
    assert "Flag already dismissed" not in body
    assert "Nothing is waiting" in body


def test_staff_get_the_friendly_403_page(client_for, staff):
    response = client_for(staff).get(QUEUE)
    assert response.status_code == 403
    assert "This page is not open to you" in response.content.decode()


@pytest.mark.parametrize(("contributions", "people"), [(50, 30), (2000, 300)])
def test_it_runs_a_constant_number_of_queries(
    client_for, moderator, school, contributions, people, django_assert_max_num_queries
):
    authors = StaffFactory.create_batch(people, school=school)
    notes = [
        NoteFactory.build(
            author=authors[n % people],
            school=school,
            status=Status.SUBMITTED if n % 2 else Status.PUBLISHED,
        )
        for n in range(contributions)
    ]
    from tests.leaders_app.models import Note

    Note.objects.bulk_create(notes)
    published = list(Note.objects.filter(status=Status.PUBLISHED)[:20])
    for index, note in enumerate(published):
        flag(note, authors[(index + 1) % people])
    client = client_for(moderator)
    # Page chrome and flags, then one query per registered kind of contribution.
    budget = 7 + len(contribution_kinds())
    with django_assert_max_num_queries(budget):
        response = client.get(reverse("hub:moderation_queue"))
    assert response.status_code == 200
