from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from hub.models import Status
from hub.registry import contribution_kinds, profile_sections
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory
from tests.hub.leaders.factories_participation import ReplyFactory

CELEBRATED = datetime(2026, 10, 7, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def test_a_profile_shows_contributions_of_every_kind(client_for, staff, moderator):
    NoteFactory(author=staff, text="Think-pair-share timers")
    ReplyFactory(author=staff, body="We tried it in Year 4")

    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "Think-pair-share timers" in page
    assert "We tried it in Year 4" in page
    assert "Notes" in page and "Replies" in page


def test_a_profile_shows_celebrations_with_their_note(client_for, staff, moderator):
    NoteFactory(
        author=staff,
        text="Phonics songs",
        celebrated_at=CELEBRATED,
        celebration_note="The whole of KS1 sings them now",
    )

    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "Phonics songs" in page
    assert "The whole of KS1 sings them now" in page
    assert "7 Oct 2026" in page


def test_a_profile_shows_learning_focus(client_for, staff, moderator):
    staff.learning_focus.add("questioning")

    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "questioning" in page


def test_registered_sections_appear_such_as_ideas_they_tried(client_for, staff, moderator):
    NoteFactory(author=staff, text="Tried: mini whiteboards")

    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "Ideas they tried" in page


def test_drafts_hidden_work_and_waiting_work_stay_off_the_profile(client_for, staff, moderator):
    NoteFactory(author=staff, text="Secret draft", status=Status.DRAFT)
    NoteFactory(author=staff, text="Hidden one", status=Status.HIDDEN)
    NoteFactory(author=staff, text="Waiting one", status=Status.SUBMITTED)

    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "Secret draft" not in page
    assert "Hidden one" not in page
    assert "Waiting one" not in page


def test_colleagues_are_never_told_that_someone_has_not_shared_yet(client_for, staff, school):
    colleague = StaffFactory(school=school)

    page = client_for(colleague).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert 'id="shared-heading"' not in page
    assert 'id="celebrated-heading"' not in page
    assert "not shared" not in page.lower()


def test_my_own_empty_profile_invites_me_to_share(client_for, staff):
    page = client_for(staff).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "You have not shared anything yet" in page


def test_another_schools_profile_is_a_404(client_for, outsider, staff):
    response = client_for(outsider).get(reverse("hub:profile", args=[staff.pk]))

    assert response.status_code == 404


def test_text_in_contributions_is_shown_as_text(client_for, staff, moderator):
    NoteFactory(author=staff, text="<script>alert(1)</script>")

    page = client_for(moderator).get(reverse("hub:profile", args=[staff.pk])).content.decode()

    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("count", [5, 200])
def test_a_profile_runs_a_constant_number_of_queries(
    client_for, school, moderator, count, django_assert_max_num_queries
):
    member = StaffFactory(school=school)
    NoteFactory.create_batch(count, author=member, celebrated_at=CELEBRATED)
    ReplyFactory.create_batch(count, author=member)
    client = client_for(moderator)
    # At most three per kind (totals, recent, celebrated) and one per registered section.
    bound = 10 + 3 * len(contribution_kinds()) + len(profile_sections())

    with django_assert_max_num_queries(bound):
        response = client.get(reverse("hub:profile", args=[member.pk]))

    assert response.status_code == 200
