"""Writes for Thinking Thursday questions, replies and "builds on this"."""

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from hub.content import school_changed
from hub.models import NoticeKind, Visibility
from hub.networks.sharing import checked_visibility
from hub.notifications import notify
from ideas.thursday.models import BuildsOn, Question, Reply, RotaTurn, TurnState

# A poser who is a day or two late can still post; after that the week has moved on.
LATE_WRITING_LIMIT = timedelta(days=3)


class QuestionLocked(PermissionDenied):
    """The question has been up for over an hour: colleagues are already discussing it."""


def question_write(
    *,
    turn: RotaTurn,
    author,
    text: str,
    context: str = "",
    link: str = "",
    tags: list[str] | None = None,
    allow_anonymous: bool = False,
    visibility: str = Visibility.SCHOOL,
    now: datetime,
) -> Question:
    """The poser writes their turn's question; it appears at Thursday 07:00 school time
    (or at once, if they write it late)."""
    if turn.staff_id != author.pk:
        raise PermissionDenied("Only the colleague whose turn it is can write this question.")
    visibility = checked_visibility(author.school, visibility)
    with transaction.atomic():
        turn = RotaTurn.objects.select_for_update().select_related("school").get(pk=turn.pk)
        if turn.state == TurnState.SKIPPED:
            raise ValidationError("This turn was skipped, so it needs no question.")
        if turn.state == TurnState.DONE or turn.questions.exists():
            raise ValidationError("A question has already been written for this turn.")
        if now >= turn.publish_moment() + LATE_WRITING_LIMIT:
            raise ValidationError(
                "This turn has passed. Ask a moderator for a new turn on the rota."
            )
        question = Question(
            turn=turn,
            author=author,
            school=turn.school,
            text=text.strip(),
            context=context.strip(),
            link=link.strip(),
            allow_anonymous=allow_anonymous,
            visibility=visibility,
            publish_at=max(turn.publish_moment(), now),
            status=Question.initial_status(turn.school),
        )
        question.full_clean()
        question.save()
        question.tags.set(tags or [])
        turn.state = TurnState.DONE
        turn.save(update_fields=["state"])
        school_changed(turn.school_id)
    return question


def question_update(
    *,
    question: Question,
    editor,
    text: str,
    context: str,
    link: str,
    tags: list[str],
    allow_anonymous: bool,
    visibility: str | None = None,
    now: datetime,
) -> Question:
    """`visibility` None keeps who may see it."""
    if editor.pk != question.author_id:
        raise PermissionDenied("Only the colleague who posed this question can edit it.")
    if question.publish_at <= now and now > question.editable_until():
        raise QuestionLocked(
            "Questions can only be edited in their first hour, so replies still "
            "make sense. Add to it in a reply instead."
        )
    with transaction.atomic():
        question.text = text.strip()
        question.context = context.strip()
        question.link = link.strip()
        question.allow_anonymous = allow_anonymous
        if visibility is not None:
            question.visibility = checked_visibility(question.school, visibility)
        question.full_clean()
        question.save()
        question.tags.set(tags)
        school_changed(question.school_id)
    return question


def question_summarise(*, question: Question, author, summary: str, now: datetime) -> Question:
    """The poser's "what we concluded / what we'll try", shown with it in the archive."""
    if author.pk != question.author_id:
        raise PermissionDenied("Only the colleague who posed this question can summarise it.")
    if not question.is_live(now):
        raise ValidationError("You can summarise once the question has been up for colleagues.")
    with transaction.atomic():
        question.summary = summary.strip()
        question.summarised_at = now if question.summary else None
        question.full_clean()
        question.save(update_fields=["summary", "summarised_at", "updated_at"])
        school_changed(question.school_id)
    return question


def reply_create(
    *,
    question: Question,
    author,
    text: str,
    parent: Reply | None = None,
    is_anonymous: bool = False,
    now: datetime,
) -> Reply:
    if not question.is_live(now):
        raise ValidationError("This question is not open yet.")
    if not question.replies_open(now):
        raise ValidationError(
            f"Replies to this question closed on {question.replies_close_at:%-d %B}. "
            "This week’s question is on the Thinking Thursday page."
        )
    if parent is not None:
        if parent.question_id != question.pk:
            raise ValidationError("That reply belongs to another question.")
        if parent.parent_id is not None:
            raise ValidationError("Reply to the first reply in this thread, not to a reply.")
    if is_anonymous and not question.allow_anonymous:
        raise ValidationError("The poser has not opened this question to anonymous replies.")
    with transaction.atomic():
        reply = Reply(
            question=question,
            parent=parent,
            author=author,
            school=question.school,
            text=text.strip(),
            is_anonymous=is_anonymous,
            # A reply is seen by whoever sees the question it answers.
            visibility=question.visibility,
            status=Reply.initial_status(question.school),
        )
        reply.full_clean()
        reply.save()
        school_changed(reply.school_id)
        # The poser hears of new threads; a reply to a reply goes to that reply's author.
        recipient = parent.author if parent is not None else question.author
        if recipient.pk != author.pk:
            notify(
                recipient=recipient,
                kind=NoticeKind.REPLY,
                target=reply,
                email_template="thursday_reply",
                context={
                    "question": question,
                    "reply": reply,
                    "to_your_reply": parent is not None,
                    "replier": "A colleague" if is_anonymous else author.name,
                    "question_path": reverse("ideas:question_detail", args=[question.pk])
                    + f"#reply-{parent.pk if parent else reply.pk}",
                },
                group_key=f"question:{question.pk}",
                group_message=lambda count: f"{count} new replies on “{question.text[:80]}”",
            )
    return reply


def builds_on_toggle(*, reply: Reply, staff) -> bool:
    """Mark or unmark "builds on this"; returns whether it is now marked."""
    if reply.author_id == staff.pk:
        raise PermissionDenied("You cannot mark your own reply.")
    with transaction.atomic():
        deleted, _ = BuildsOn.objects.filter(reply=reply, staff=staff).delete()
        school_changed(reply.school_id)
        if deleted:
            return False
        try:
            with transaction.atomic():
                BuildsOn.objects.create(reply=reply, staff=staff)
        except IntegrityError:
            return True  # A double click from another tab already marked it (and told).
        message = f"{staff.name} builds on your reply “{reply.text[:80]}”"
        notify(
            recipient=reply.author,
            kind=NoticeKind.BUILDS_ON,
            target=reply,
            email_template="notice",
            context={"message": message, "quote": ""},
            message=message,
            group_key=f"reply:{reply.pk}",
            group_message=lambda count: (
                f"{count} colleagues build on your reply “{reply.text[:80]}”"
            ),
        )
        return True
