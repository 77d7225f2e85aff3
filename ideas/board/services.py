"""Writes for the board: keyword-only, validated, atomic; mail queued on commit."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from hub import moderation
from hub.content import school_changed
from hub.lib.text import clean_plain_text
from hub.lib.weeks import Week
from hub.models import NoticeKind, Notification, Staff, Status, Visibility
from hub.networks.sharing import checked_visibility
from hub.notifications import notify
from ideas.board import selectors
from ideas.board.models import (
    Comment,
    FollowUp,
    FollowUpAnswer,
    Idea,
    IdeaOfTheWeek,
    Reaction,
    ReactionKind,
)

# A second identical post this soon after the first is a double click, not a new idea.
DUPLICATE_WINDOW = timedelta(minutes=1)


class DuplicateIdea(Exception):
    """The same person posted the same idea a moment ago; `idea` is the first one."""

    def __init__(self, idea: Idea):
        super().__init__("You posted this idea a moment ago, so it is on the board once.")
        self.idea = idea


def idea_create(
    *,
    author: Staff,
    title: str,
    note: str,
    tags: list[str],
    colour: str,
    visibility: str = Visibility.SCHOOL,
) -> Idea:
    now = timezone.now()
    title, note = clean_plain_text(title), clean_plain_text(note)
    visibility = checked_visibility(author.school, visibility)
    with transaction.atomic():
        # Lock the author's row so two submits of one form are handled one after the other.
        Staff.objects.select_for_update().filter(pk=author.pk).first()
        earlier = Idea.objects.filter(
            author=author, title=title, note=note, created_at__gte=now - DUPLICATE_WINDOW
        ).first()
        if earlier is not None:
            raise DuplicateIdea(earlier)
        idea = Idea(
            author=author,
            school=author.school,
            title=title,
            note=note,
            colour=colour,
            visibility=visibility,
            week=Week.of_moment(now, author.school.zone).monday,
            status=Idea.initial_status(author.school),
        )
        idea.full_clean()
        idea.save()
        idea.tags.set(tags)
        school_changed(idea.school_id)
    return idea


def idea_update(
    *,
    idea: Idea,
    editor: Staff,
    title: str,
    note: str,
    tags: list[str],
    colour: str,
    visibility: str | None = None,
) -> Idea:
    """Change the author's own idea; `visibility` None keeps who may see it."""
    if editor.pk != idea.author_id:
        raise PermissionDenied("Only the author can change this idea.")
    idea.title, idea.note, idea.colour = clean_plain_text(title), clean_plain_text(note), colour
    if visibility is not None:
        idea.visibility = checked_visibility(idea.school, visibility)
    with transaction.atomic():
        idea.full_clean()
        idea.save(update_fields=["title", "note", "colour", "visibility", "updated_at"])
        idea.tags.set(tags)
        school_changed(idea.school_id)
        # Feedback acted on: send it back to the moderators through the one workflow.
        if idea.status == Status.RETURNED:
            moderation.transition(idea, action="submit", actor=editor)
    return idea


def idea_delete(*, idea: Idea, actor: Staff) -> None:
    if actor.pk != idea.author_id:
        raise PermissionDenied("Only the author can delete this idea.")
    with transaction.atomic():
        idea.delete()
        school_changed(idea.school_id)


def reaction_add(*, idea: Idea, author: Staff, kind: str, reflection: str = "") -> Reaction:
    """Add (or, for "I tried it", update the reflection of) this person's reaction."""
    reflection = clean_plain_text(reflection) if kind == ReactionKind.TRIED else ""
    existing = Reaction.objects.filter(idea=idea, author=author, kind=kind).first()
    if existing is not None:
        if existing.reflection != reflection:
            existing.reflection = reflection
            existing.full_clean()
            with transaction.atomic():
                existing.save(update_fields=["reflection", "updated_at"])
                school_changed(existing.school_id)
        return existing
    # "I'll try this" carries no words to moderate; a reflection does.
    status = Status.PUBLISHED if kind == ReactionKind.WILL_TRY else None
    # A reaction belongs with its idea (its school moderates it) and is seen by whoever
    # sees the idea: a colleague at another school in the network reacts to it there.
    reaction = Reaction(
        idea=idea,
        author=author,
        school=idea.school,
        visibility=idea.visibility,
        kind=kind,
        reflection=reflection,
        status=status or Reaction.initial_status(idea.school),
    )
    try:
        reaction.full_clean()
        with transaction.atomic():
            reaction.save()
            school_changed(reaction.school_id)
            _tell_author_of_reaction(reaction)
    except (ValidationError, IntegrityError):
        # The same person's other tab saved the same reaction since we looked: full_clean's
        # uniqueness check (it committed first) or the constraint (it committed during our
        # insert) says so. Theirs stands; anything else wrong with this one is raised.
        winner = Reaction.objects.filter(idea=idea, author=author, kind=kind).first()
        if winner is None:
            raise
        return winner
    return reaction


def _tell_author_of_reaction(reaction: Reaction) -> None:
    """The author hears of every "I'll try this" and "I tried it", grouped per idea while unread.

    A reflection waiting for approval is not told yet: its link would show nothing.
    """
    idea, person = reaction.idea, reaction.author
    if idea.author_id == person.pk or not reaction.is_published:
        return
    tried = reaction.kind == ReactionKind.TRIED
    verb = "tried" if tried else "will try"
    message = f"{_who(person, idea)} {verb} “{idea.title}”"
    if tried:
        message += f": “{reaction.reflection}”"
    notify(
        recipient=idea.author,
        kind=NoticeKind.TRIED if tried else NoticeKind.WILL_TRY,
        target=reaction,
        email_template="notice",
        context={"message": message, "quote": reaction.reflection},
        message=message,
        group_key=f"idea:{idea.pk}",
        group_message=lambda count: f"{count} colleagues {verb} “{idea.title}”",
    )
    if tried:
        _invite_to_take_it_further(idea)


def _who(person: Staff, idea: Idea) -> str:
    """A colleague's name, with their school when it is not the idea's."""
    if person.school_id != idea.school_id and person.school_id is not None:
        return f"{person.name} at {person.school.name}"
    return person.name


# Tried by this many colleagues, an idea's author is invited to share it wider.
TAKE_IT_FURTHER_AT = 3


def _invite_to_take_it_further(idea: Idea) -> None:
    """Once per idea: the third "I tried it" invites its author to an article or lunch input."""
    if selectors.tried_count(idea) != TAKE_IT_FURTHER_AT:
        return
    if Notification.objects.filter(
        kind=NoticeKind.PROGRESSION,
        target_type=ContentType.objects.get_for_model(Idea),
        target_id=idea.pk,
    ).exists():
        return
    message = (
        f"{TAKE_IT_FURTHER_AT} colleagues tried “{idea.title}”: "
        "turn it into a scrapbook article or a five-minute lunch input?"
    )
    notify(
        recipient=idea.author,
        kind=NoticeKind.PROGRESSION,
        target=idea,
        target_view="ideas:take_it_further",
        email_template="notice",
        context={"message": message, "quote": ""},
        message=message,
    )


def reaction_remove(*, idea: Idea, author: Staff, kind: str) -> None:
    with transaction.atomic():
        deleted, _ = Reaction.objects.filter(idea=idea, author=author, kind=kind).delete()
        if deleted:
            school_changed(idea.school_id)


def comment_add(*, idea: Idea, author: Staff, text: str) -> Comment:
    comment = Comment(
        idea=idea,
        author=author,
        school=idea.school,
        visibility=idea.visibility,
        text=clean_plain_text(text),
        status=Comment.initial_status(idea.school),
    )
    with transaction.atomic():
        comment.full_clean()
        comment.save()
        school_changed(comment.school_id)
        if comment.is_published and idea.author_id != author.pk:
            notify(
                recipient=idea.author,
                kind=NoticeKind.COMMENT,
                target=comment,
                email_template="idea_comment",
                context={"idea": idea, "comment": comment, "commenter": author},
                group_key=f"idea:{idea.pk}",
                group_message=lambda count: f"{count} new comments on “{idea.title}”",
            )
    return comment


def pick_idea_of_week(*, idea: Idea, actor: Staff, reason: str = "") -> IdeaOfTheWeek:
    """Make `idea` its week's Idea of the Week, replacing any earlier pick.

    Two moderators picking at once: both end in one row (the later write wins),
    neither sees an error.
    """
    if not moderation.can_moderate(actor, idea):
        raise PermissionDenied("Only this school's moderators can pick the Idea of the Week.")
    if idea.status != Status.PUBLISHED:
        raise ValidationError("Only a shared idea can be the Idea of the Week.")
    values = {
        "idea": idea,
        "picked_by": actor,
        "reason": clean_plain_text(reason),
        "picked_at": timezone.now(),
    }
    IdeaOfTheWeek(school_id=idea.school_id, week=idea.week, **values).full_clean(
        validate_constraints=False
    )
    with transaction.atomic():
        previous = _existing_pick(idea)
        # Read before saving: _save_pick refreshes `previous` to the new pick.
        previous_idea_id = previous.idea_id if previous is not None else None
        pick = _save_pick(idea, previous, values)
        school_changed(idea.school_id)
        moderation.record(idea, actor=actor, action="pick", reason=values["reason"])
        if previous_idea_id != idea.pk and idea.author_id != actor.pk:
            notify(
                recipient=idea.author,
                kind=NoticeKind.PICKED,
                target=idea,
                email_template="idea_picked",
                context={"idea": idea, "pick": pick},
            )
    return pick


def _existing_pick(idea: Idea) -> IdeaOfTheWeek | None:
    return (
        IdeaOfTheWeek.objects.select_for_update()
        .filter(school_id=idea.school_id, week=idea.week)
        .first()
    )


def _save_pick(idea: Idea, previous: IdeaOfTheWeek | None, values: dict) -> IdeaOfTheWeek:
    if previous is not None:
        IdeaOfTheWeek.objects.filter(pk=previous.pk).update(**values)
        previous.refresh_from_db()
        return previous
    try:
        with transaction.atomic():
            return IdeaOfTheWeek.objects.create(school_id=idea.school_id, week=idea.week, **values)
    except IntegrityError:
        # Another moderator created this week's pick since we looked: replace it.
        pick = IdeaOfTheWeek.objects.select_for_update().get(
            school_id=idea.school_id, week=idea.week
        )
        IdeaOfTheWeek.objects.filter(pk=pick.pk).update(**values)
        pick.refresh_from_db()
        return pick


def follow_up_answer(*, idea: Idea, person: Staff, answer: str, reflection: str = "") -> FollowUp:
    """Answer "How did it go?": a reflection (told to the author) or "didn't get to it".

    Either way the person is never asked about this idea again.
    """
    if answer not in (FollowUpAnswer.TRIED, FollowUpAnswer.NOT_YET):
        raise ValidationError("Choose “I tried it” or “I didn’t get to it”.")
    with transaction.atomic():
        if answer == FollowUpAnswer.TRIED:
            reaction_add(idea=idea, author=person, kind=ReactionKind.TRIED, reflection=reflection)
        follow_up, _ = FollowUp.objects.select_for_update().get_or_create(idea=idea, person=person)
        follow_up.answer, follow_up.answered_at = answer, timezone.now()
        follow_up.full_clean(validate_constraints=False)
        follow_up.save(update_fields=["answer", "answered_at"])
        school_changed(idea.school_id)
    return follow_up
