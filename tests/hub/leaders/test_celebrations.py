import random
from datetime import UTC, date, datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from hub import moderation
from hub.leaders.demo import seed_moderation
from hub.leaders.selectors import celebrations_for, term_summary
from hub.models import AuditEntry, Flag, Role, Status
from tests.factories import StaffFactory
from tests.hub.leaders.factories import NoteFactory, note_by_colleague
from tests.leaders_app.models import Note


def celebrate_url(note):
    return reverse("hub:celebrate", args=["leaders_app.note", note.pk])


def test_a_moderator_celebrates_and_the_author_is_emailed(
    client_for, moderator, school, django_capture_on_commit_callbacks
):
    note = note_by_colleague(school, text="Lolly-stick questioning")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(moderator).post(
            celebrate_url(note), {"note": "Three classes tried it!"}
        )
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.is_celebrated and note.celebration_note == "Three classes tried it!"
    assert AuditEntry.objects.get().action == "celebrate"
    assert [message.to for message in mail.outbox] == [[note.author.email]]
    assert "Three classes tried it!" in mail.outbox[0].body


def test_it_shows_on_the_wall_and_the_home_panel_for_everyone(client_for, moderator, staff, school):
    note = note_by_colleague(school, text="Lolly-stick questioning")
    moderation.celebrate(note, actor=moderator, note="Brilliant & simple")
    client = client_for(staff)
    wall = client.get(reverse("hub:celebrations")).content.decode()
    assert "Lolly-stick questioning" in wall and "Brilliant &amp; simple" in wall
    home = client.get(reverse("hub:home")).content.decode()
    assert "Lolly-stick questioning" in home and "See the Celebration wall" in home


def test_the_wall_hides_other_schools_and_hidden_celebrations(
    client_for, moderator, staff, outsider
):
    elsewhere = note_by_colleague(outsider.school, text="Hillside idea")
    moderation.celebrate(
        elsewhere, actor=StaffFactory(school=outsider.school, is_moderator=True), note="x"
    )
    later_hidden = note_by_colleague(staff.school, text="Later hidden")
    moderation.celebrate(later_hidden, actor=moderator, note="x")
    moderation.transition(later_hidden, action="hide", actor=moderator, reason="Pupil named")
    wall = client_for(staff).get(reverse("hub:celebrations")).content.decode()
    assert "Hillside idea" not in wall and "Later hidden" not in wall
    assert "Nothing celebrated yet" in wall


def test_only_shared_contributions_can_be_celebrated(client_for, moderator, school):
    note = note_by_colleague(school, status=Status.SUBMITTED)
    response = client_for(moderator).post(celebrate_url(note), {"note": "Nice"}, follow=True)
    assert "Only shared contributions can be celebrated" in response.content.decode()
    assert not Note.objects.get(pk=note.pk).is_celebrated


def test_a_note_is_required_and_limited(client_for, moderator, school):
    note = note_by_colleague(school)
    client = client_for(moderator)
    assert (
        "This field is required" in client.post(celebrate_url(note), {"note": " "}).content.decode()
    )
    response = client.post(celebrate_url(note), {"note": "x" * 281})
    assert "at most 280 characters" in response.content.decode()
    assert not Note.objects.get(pk=note.pk).is_celebrated


def test_staff_cannot_celebrate_and_other_schools_are_404(client_for, staff, moderator, outsider):
    note = note_by_colleague(staff.school)
    assert client_for(staff).post(celebrate_url(note), {"note": "x"}).status_code == 403
    elsewhere = note_by_colleague(outsider.school)
    assert client_for(moderator).post(celebrate_url(elsewhere), {"note": "x"}).status_code == 404


@pytest.mark.parametrize("count", [5, 120])
def test_the_wall_runs_a_constant_number_of_queries(
    client_for, moderator, school, count, django_assert_max_num_queries
):
    author = StaffFactory(school=school)
    Note.objects.bulk_create(
        NoteFactory.build(author=author, school=school, celebrated_at=timezone.now())
        for _ in range(count)
    )
    client = client_for(moderator)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("hub:celebrations"))
    assert response.status_code == 200


def test_celebrations_for_lists_one_persons_celebrated_work(moderator, school):
    author = StaffFactory(school=school)
    mine = NoteFactory(author=author, text="Mine")
    NoteFactory(author=author, text="Not celebrated")
    moderation.celebrate(mine, actor=moderator, note="Thanks")
    moderation.celebrate(note_by_colleague(school), actor=moderator, note="Someone else")
    assert [entry.item for entry in celebrations_for(author)] == [mine]


def in_term(day: date, school) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=school.zone)


def test_the_term_summary_counts_and_thanks_every_contributor_by_role(
    client_for, moderator, school
):
    teacher = StaffFactory(school=school, full_name="Tom Teacher", role=Role.TEACHER)
    ta = StaffFactory(school=school, full_name="Tara Assistant", role=Role.TEACHING_ASSISTANT)
    StaffFactory(school=school, full_name="Quiet Colleague", role=Role.SUPPORT)
    StaffFactory(school=school, full_name="Left Last Year", is_active=False)
    for author, text in ((teacher, "Exit tickets"), (teacher, "Seating plans"), (ta, "Timers")):
        NoteFactory(author=author, text=text)
    NoteFactory(author=StaffFactory(school=school, full_name="Hidden Hal"), status=Status.HIDDEN)
    body = client_for(moderator).get(reverse("hub:term_summary")).content.decode()
    # Active staff: teacher, ta, quiet, hidden hal, moderator (Alice isn't created here).
    assert "<strong>2 of 5</strong>" in body
    assert "Tom Teacher" in body and "Note: Exit tickets" in body and "Note: Seating plans" in body
    assert "contributions" not in body  # what each person shared, not a count to compare
    assert "Teaching assistants" in body and "Tara Assistant" in body
    assert "Quiet Colleague" not in body and "Hidden Hal" not in body


def test_the_term_summary_takes_a_date_range(client_for, moderator, school):
    author = StaffFactory(school=school, full_name="Early Bird")
    note = NoteFactory(author=author)
    Note.objects.filter(pk=note.pk).update(created_at=in_term(date(2025, 10, 6), school))
    client = client_for(moderator)
    autumn = client.get(reverse("hub:term_summary"), {"start": "2025-09-01", "end": "2025-12-31"})
    assert "Early Bird" in autumn.content.decode()
    assert "Autumn term 2025" in autumn.content.decode()
    spring = client.get(reverse("hub:term_summary"), {"start": "2026-01-01", "end": "2026-03-31"})
    assert "Early Bird" not in spring.content.decode()
    wrong = client.get(reverse("hub:term_summary"), {"start": "2026-03-01", "end": "2026-01-01"})
    assert "The end date is before the start date" in wrong.content.decode()


def test_term_summary_selector_uses_school_time(school):
    author = StaffFactory(school=school)
    note = NoteFactory(author=author)
    # 23:30 UTC on 31 March is 00:30 on 1 April in London: the summer term.
    Note.objects.filter(pk=note.pk).update(created_at=datetime(2026, 3, 31, 23, 30, tzinfo=UTC))
    assert term_summary(school, date(2026, 1, 1), date(2026, 3, 31)).contributor_count == 0
    assert term_summary(school, date(2026, 4, 1), date(2026, 8, 31)).contributor_count == 1


def test_staff_cannot_open_the_term_summary(client_for, staff):
    assert client_for(staff).get(reverse("hub:term_summary")).status_code == 403


def test_the_demo_seeder_adds_flags_celebrations_and_an_audit_trail_once(moderator, school):
    staff = [moderator, *StaffFactory.create_batch(4, school=school)]
    for n in range(8):
        NoteFactory(author=staff[n % len(staff)])
    # Another seeder's approval must not make this one think it already ran.
    waiting = NoteFactory(author=staff[1], status=Status.SUBMITTED)
    moderation.transition(waiting, action="approve", actor=moderator)
    seed_moderation(school=school, staff=staff, rng=random.Random(1))
    counts = (
        Flag.objects.count(),
        Note.objects.filter(celebrated_at__isnull=False).count(),
        AuditEntry.objects.count(),
    )
    assert counts == (2, 3, 6)
    seed_moderation(school=school, staff=staff, rng=random.Random(1))
    assert Flag.objects.count() == 2 and AuditEntry.objects.count() == 6


def test_the_newest_celebrations_compile_once_and_bind_each_viewer(
    moderator, staff, outsider, monkeypatch
):
    """The home panel's UNION is built once per shape; each viewer's ids are bound to it."""
    from hub.leaders import selectors
    from hub.lib import compiled_sql

    monkeypatch.setattr(compiled_sql, "_compiled", {})
    builds = []
    real_index = selectors.celebrated_index
    monkeypatch.setattr(
        selectors,
        "celebrated_index",
        lambda *args, **kwargs: builds.append(1) or real_index(*args, **kwargs),
    )
    ours = note_by_colleague(staff.school, text="Our idea")
    moderation.celebrate(ours, actor=moderator, note="x")
    theirs = note_by_colleague(outsider.school, text="Their idea")
    moderation.celebrate(
        theirs, actor=StaffFactory(school=outsider.school, is_moderator=True), note="x"
    )

    assert [c.item for c in selectors.latest_celebrations(staff)] == [ours]
    assert [c.item for c in selectors.latest_celebrations(outsider)] == [theirs]
    assert [c.item for c in selectors.latest_celebrations(staff)] == [ours]
    assert len(builds) == 1
    assert [c.item for c in celebrations_for(ours.author, viewer=staff)] == [ours]
    assert celebrations_for(theirs.author, viewer=staff) == []


def test_the_wall_shows_a_plain_text_body_once_escaped_in_paragraphs(
    client_for, moderator, staff, school
):
    note = note_by_colleague(school, text="I'm stuck <b>signals</b>\n\nSecond part")
    moderation.celebrate(note, actor=moderator, note="")
    wall = client_for(staff).get(reverse("hub:celebrations")).content.decode()
    body = wall.split('class="celebration-body">', 1)[1].split("</div>", 1)[0]
    assert body.startswith("<p>I&#x27;m stuck &lt;b&gt;signals&lt;/b&gt;</p>")
    assert "<p>Second part</p>" in body
    assert "&lt;p&gt;" not in body and "&amp;#x27;" not in body
