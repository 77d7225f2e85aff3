from django.urls import reverse

from hub.models import Status
from tests.hub.leaders.notes import note

URL = reverse("hub:moderation_queue")


def test_it_lists_what_waits_at_this_school_oldest_first(
    client_for, moderator, staff, outsider, notes_registered
):
    note(staff, "First in", Status.SUBMITTED)
    note(staff, "Second in", Status.SUBMITTED)
    note(staff, "Already shared")
    note(outsider, "Elsewhere", Status.SUBMITTED)
    page = client_for(moderator).get(URL).content.decode()
    # The queue itself, below the panel thanking colleagues for a first post.
    queue = page[page.index("Waiting for approval and flagged") :]
    assert queue.index("First in") < queue.index("Second in")
    assert "Already shared" not in queue
    assert "Elsewhere" not in page


def test_html_in_a_contribution_is_shown_as_text(client_for, moderator, staff, notes_registered):
    note(staff, "<script>alert(1)</script>", Status.SUBMITTED)
    page = client_for(moderator).get(URL).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_it_has_a_friendly_empty_state(client_for, moderator, notes_registered):
    assert "Nothing is waiting" in client_for(moderator).get(URL).content.decode()
