import pytest
from django.urls import reverse

from hub import moderation
from hub.models import Flag, Status
from hub.registry import contribution_kinds
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory, note_by_colleague

QUEUE = "/moderation/"


def queue_part(body: str) -> str:
    """The queue itself, below the first-posts thank-you panel."""
    return body[body.index("Waiting for approval and flagged") :]


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
    # Not in the queue (it may be thanked above it, as a colleague's first post).
    assert "Just shared, nothing wrong" not in queue_part(body)
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
    assert "Flag already dismissed" not in queue_part(body)
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
    # Page chrome and flags, then one query per registered kind of contribution, and
    # two per kind for the first-posts panel (here every author is new).
    budget = 7 + 3 * len(contribution_kinds())
    with django_assert_max_num_queries(budget):
        response = client.get(reverse("hub:moderation_queue"))
    assert response.status_code == 200


def test_a_first_ever_post_is_at_the_top_with_a_thank_you_link(client_for, moderator, school):
    from datetime import timedelta

    from django.utils import timezone

    from tests.leaders_app.models import Note

    newcomer = StaffFactory(school=school, full_name="Tess Newcomer")
    first = NoteFactory(author=newcomer, school=school, text="My first idea")
    NoteFactory(author=newcomer, school=school, text="My second idea")
    regular = StaffFactory(school=school, full_name="Rita Regular")
    old = NoteFactory(author=regular, school=school, text="Old news")
    Note.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=60))
    NoteFactory(author=regular, school=school, text="Rita again")

    page = client_for(moderator).get(reverse("hub:moderation_queue")).content.decode()

    panel = page[page.index("Say thank you: a first post") : page.index("Waiting for approval")]
    assert "Tess Newcomer shared for the first time" in panel
    assert "My first idea" in panel and "My second idea" not in panel
    assert "Rita" not in panel
    assert reverse("hub:celebrate", args=["leaders_app.note", first.pk]) in panel

    moderation.celebrate(first, actor=moderator, note="Welcome!")
    page = client_for(moderator).get(reverse("hub:moderation_queue")).content.decode()
    assert "Say thank you: a first post" not in page
