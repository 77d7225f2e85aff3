from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from hub.models import AuditEntry, Status
from ideas.board import services
from ideas.board.models import IdeaOfTheWeek, Reaction, ReactionKind
from tests.ideas.board.factories import IdeaFactory, ReactionFactory

pytestmark = pytest.mark.django_db


def post(author, **overrides):
    values = {"title": "Hinge questions", "note": "One question, all answer.", "tags": []}
    values |= {"colour": "pink"} | overrides
    return services.idea_create(author=author, **values)


def at(moment: datetime):
    return mock.patch.object(services.timezone, "now", return_value=moment)


def test_a_new_idea_joins_the_week_in_the_schools_time_zone(staff, school):
    school.time_zone = "Asia/Tokyo"
    school.save()
    # Sunday evening in London is already Monday morning in Tokyo.
    with at(datetime(2026, 11, 29, 21, 0, tzinfo=ZoneInfo("Europe/London"))):
        idea = post(staff, tags=["questioning", "maths"])
    assert idea.week.isoformat() == "2026-11-30"
    assert idea.status == Status.PUBLISHED
    assert sorted(idea.tags.names()) == ["maths", "questioning"]


def test_a_new_idea_waits_for_approval_in_a_premoderated_school(staff, school):
    school.moderation_mode = "pre"
    school.save()
    assert post(staff).status == Status.SUBMITTED


def test_the_same_idea_twice_within_a_minute_is_one_idea(staff):
    first = post(staff)
    with pytest.raises(services.DuplicateIdea) as duplicate:
        post(staff)
    assert duplicate.value.idea == first
    assert staff.ideas_idea_set.count() == 1


def test_the_same_words_a_while_later_are_a_new_idea(staff):
    with at(datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("UTC"))):
        post(staff)
    with at(datetime(2026, 11, 23, 9, 5, tzinfo=ZoneInfo("UTC"))):
        post(staff)
    assert staff.ideas_idea_set.count() == 2


def test_an_over_long_title_is_refused_by_the_model(staff):
    with pytest.raises(ValidationError):
        post(staff, title="x" * 81)


def test_only_the_author_edits_or_deletes(staff, moderator):
    idea = IdeaFactory(author=staff)
    with pytest.raises(PermissionDenied):
        services.idea_update(
            idea=idea, editor=moderator, title="New", note="New", tags=[], colour="blue"
        )
    with pytest.raises(PermissionDenied):
        services.idea_delete(idea=idea, actor=moderator)
    services.idea_delete(idea=idea, actor=staff)
    assert not staff.ideas_idea_set.exists()


def test_editing_a_returned_idea_sends_it_back_for_approval(staff, moderator):
    from hub import moderation

    idea = IdeaFactory(author=staff, status=Status.SUBMITTED)
    moderation.transition(idea, action="return", actor=moderator, reason="Add a link please")
    services.idea_update(
        idea=idea, editor=staff, title="Better", note="Now with a link", tags=[], colour="blue"
    )
    idea.refresh_from_db()
    assert idea.status == Status.SUBMITTED


def test_one_reaction_of_each_kind_per_person_is_kept_by_the_database(staff):
    reaction = ReactionFactory(author=staff, idea=IdeaFactory(school=staff.school))
    with pytest.raises(IntegrityError), transaction.atomic():
        Reaction.objects.create(
            idea=reaction.idea, author=staff, school=staff.school, kind=ReactionKind.WILL_TRY
        )


def test_reacting_twice_keeps_one_reaction(staff):
    idea = IdeaFactory(school=staff.school)
    services.reaction_add(idea=idea, author=staff, kind=ReactionKind.WILL_TRY)
    services.reaction_add(idea=idea, author=staff, kind=ReactionKind.WILL_TRY)
    assert idea.reactions.count() == 1


def test_i_tried_it_needs_a_reflection(staff):
    idea = IdeaFactory(school=staff.school)
    with pytest.raises(ValidationError):
        services.reaction_add(idea=idea, author=staff, kind=ReactionKind.TRIED, reflection=" ")
    assert not idea.reactions.exists()


def test_a_reflection_waits_for_approval_in_a_premoderated_school_but_a_plan_to_try_does_not(
    staff, school
):
    school.moderation_mode = "pre"
    school.save()
    idea = IdeaFactory(school=school)
    tried = services.reaction_add(
        idea=idea, author=staff, kind=ReactionKind.TRIED, reflection="It went well."
    )
    will_try = services.reaction_add(idea=idea, author=staff, kind=ReactionKind.WILL_TRY)
    assert (tried.status, will_try.status) == (Status.SUBMITTED, Status.PUBLISHED)


def test_a_comment_emails_the_ideas_author(
    staff, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(author=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(idea=idea, author=moderator, text="Can I borrow your cards?")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [staff.email]
    assert "Can I borrow your cards?" in mailoutbox[0].body
    assert idea.title in mailoutbox[0].subject


def test_commenting_on_your_own_idea_sends_no_email(
    staff, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(author=staff)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_add(idea=idea, author=staff, text="Update: it still works.")
    assert mailoutbox == []


def test_picking_makes_one_idea_of_the_week_emails_its_author_and_is_audited(
    staff, moderator, mailoutbox, django_capture_on_commit_callbacks
):
    idea = IdeaFactory(author=staff)
    with django_capture_on_commit_callbacks(execute=True):
        pick = services.pick_idea_of_week(idea=idea, actor=moderator, reason="So simple.")
    assert (pick.idea, pick.week, pick.reason) == (idea, idea.week, "So simple.")
    assert [mail.to for mail in mailoutbox] == [[staff.email]]
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.reason) == ("pick", moderator, "So simple.")


def test_picking_another_idea_replaces_the_first(staff, moderator):
    first, second = IdeaFactory(author=staff), IdeaFactory(author=staff)
    services.pick_idea_of_week(idea=first, actor=moderator)
    services.pick_idea_of_week(idea=second, actor=moderator, reason="Even better")
    pick = IdeaOfTheWeek.objects.get()
    assert (pick.idea, pick.reason) == (second, "Even better")


def test_a_pick_that_loses_the_race_replaces_the_winner_instead_of_failing(staff, moderator):
    first, second = IdeaFactory(author=staff), IdeaFactory(author=staff)
    services.pick_idea_of_week(idea=first, actor=moderator)
    # As if another moderator's pick was committed after this one looked and found none.
    with mock.patch.object(services, "_existing_pick", return_value=None):
        services.pick_idea_of_week(idea=second, actor=moderator)
    assert IdeaOfTheWeek.objects.get().idea == second


def test_only_moderators_pick_and_only_shared_ideas(staff, moderator, outsider):
    idea = IdeaFactory(author=staff)
    with pytest.raises(PermissionDenied):
        services.pick_idea_of_week(idea=idea, actor=staff)
    with pytest.raises(PermissionDenied):
        services.pick_idea_of_week(idea=idea, actor=outsider)
    hidden = IdeaFactory(author=staff, status=Status.HIDDEN)
    with pytest.raises(ValidationError):
        services.pick_idea_of_week(idea=hidden, actor=moderator)
    assert not IdeaOfTheWeek.objects.exists()


def test_old_weeks_keep_their_own_pick(staff, moderator):
    old = IdeaFactory(author=staff, week=IdeaFactory(author=staff).week - timedelta(days=7))
    services.pick_idea_of_week(idea=old, actor=moderator)
    services.pick_idea_of_week(idea=IdeaFactory(author=staff), actor=moderator)
    assert IdeaOfTheWeek.objects.count() == 2
