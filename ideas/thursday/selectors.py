"""Reads for Thinking Thursday. Every query starts from the one scoping rule.

Functions take `now` so tests can freeze the clock by passing it in; a
question is seen by colleagues only once shared AND its `publish_at` has come.
"""

from datetime import date, datetime
from urllib.parse import urlencode

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from hub.models import Status
from hub.registry import LearningEntry
from ideas.thursday.models import REPLIES_OPEN_FOR, BuildsOn, Question, Reply, RotaTurn, TurnState


def questions_visible_to(staff, now: datetime) -> QuerySet[Question]:
    """Questions this person may open: live ones, their own, and (moderators) scheduled."""
    scheduled_ok = Q(author_id=staff.pk)
    if staff.is_moderator:
        scheduled_ok |= Q(school_id=staff.school_id)
    return Question.objects.visible_to(staff).filter(Q(publish_at__lte=now) | scheduled_ok)


def live_questions(staff, now: datetime) -> QuerySet[Question]:
    """Shared questions of this person's school that colleagues can see now."""
    return Question.objects.visible_to(staff).filter(
        school_id=staff.school_id, status=Status.PUBLISHED, publish_at__lte=now
    )


def current_question(staff, now: datetime) -> Question | None:
    """The question open for replies now (Thursday 07:00 to the next); one query."""
    return (
        live_questions(staff, now)
        .filter(publish_at__gt=now - REPLIES_OPEN_FOR)
        .select_related("author", "school")
        .order_by("-publish_at")
        .first()
    )


def upcoming_turns(staff, today: date) -> QuerySet[RotaTurn]:
    """Turns from today on whose poser still works here (leavers drop out at read time)."""
    return (
        RotaTurn.objects.visible_to(staff)
        .filter(date__gte=today, state=TurnState.PLANNED, staff__is_active=True)
        .select_related("staff", "school")
        .order_by("date")
    )


def next_turn(staff, today: date, *, after: Question | None = None) -> RotaTurn | None:
    """Who poses the next question (written or not), after the current one; one query."""
    turns = (
        RotaTurn.objects.visible_to(staff)
        .filter(date__gte=today, staff__is_active=True)
        .exclude(state=TurnState.SKIPPED)
        .select_related("staff", "school")
        .order_by("date")
    )
    if after is not None and after.turn_id:
        turns = turns.exclude(pk=after.turn_id)
    return turns.first()


def own_next_turn(staff, today: date) -> RotaTurn | None:
    """This person's own next turn still to write, if any; one query."""
    return upcoming_turns(staff, today).filter(staff_id=staff.pk).first()


def with_reply_counts(questions: QuerySet[Question]) -> QuerySet[Question]:
    """Published replies per question, as a subquery: with a LIMIT, PostgreSQL counts
    only the questions shown (a JOIN + GROUP BY counted every past question of the
    school first: 150 weeks cost ~8 ms on the Thinking Thursday page)."""
    counts = (
        Reply.objects.filter(question=OuterRef("pk"), status=Status.PUBLISHED)
        .order_by()
        .values("question")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return questions.annotate(
        reply_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
    )


def replies_for(question: Question, viewer) -> QuerySet[Reply]:
    """The replies `viewer` may see, with builds-on counts and whether they marked each."""
    mine = BuildsOn.objects.filter(reply=OuterRef("pk"), staff_id=viewer.pk)
    return (
        Reply.objects.visible_to(viewer)
        .filter(question=question)
        .select_related("author", "school")
        .annotate(builds_on_count=Count("builds_on", distinct=True), marked=Exists(mine))
        .order_by("created_at", "pk")
    )


def archive_questions(staff, now: datetime, *, query: str = "", tag: str = "") -> QuerySet:
    """Past and current questions with reply counts, searched and filtered by tag."""
    questions = live_questions(staff, now)
    if query:
        questions = questions.filter(
            Q(text__icontains=query) | Q(context__icontains=query) | Q(summary__icontains=query)
        )
    if tag:
        questions = questions.filter(tags__slug=tag)
    return (
        with_reply_counts(questions)
        .select_related("author")
        .prefetch_related("tags")
        .order_by("-publish_at", "-pk")
    )


def question_tags(staff, now: datetime) -> list[tuple[str, str]]:
    """(slug, name) of every tag on this school's live questions, for the archive filter."""
    from taggit.models import Tag

    ids = live_questions(staff, now).values("pk")
    return list(
        Tag.objects.filter(
            taggit_taggeditem_items__object_id__in=ids,
            taggit_taggeditem_items__content_type__model="question",
            taggit_taggeditem_items__content_type__app_label="ideas",
        )
        .distinct()
        .order_by("name")
        .values_list("slug", "name")
    )


def question_this_week(school, week_start: datetime, week_end: datetime) -> dict | None:
    """This week's published question with its reply count and summary (one query)."""
    question = (
        Question.objects.filter(
            school=school,
            status=Status.PUBLISHED,
            publish_at__gte=week_start,
            publish_at__lt=min(week_end, timezone.now()),
        )
        .select_related("author")
        .annotate(reply_count=Count("replies", filter=Q(replies__status=Status.PUBLISHED)))
        .order_by("-publish_at")
        .first()
    )
    return {"question": question} if question else None


def question_for_display(viewer, now: datetime) -> dict:
    """The staffroom screen's question: the one open for replies (from 07:00 on its
    Thursday) with its count of shared replies, as any colleague sees it; one query."""
    question = (
        with_reply_counts(live_questions(viewer, now).filter(publish_at__gt=now - REPLIES_OPEN_FOR))
        .select_related("author")
        .order_by("-publish_at")
        .first()
    )
    return {"question": question}


def learning_entries(person, start: datetime, end: datetime) -> list[LearningEntry]:
    """My learning: the questions this person posed and the replies they wrote (four queries)."""
    live = ~Q(status__in=(Status.DRAFT, Status.HIDDEN))
    period = Q(created_at__gte=start, created_at__lt=end)
    posed = Question.objects.filter(live, period, author_id=person.pk).prefetch_related("tags")
    replies = (
        Reply.objects.filter(live, period, author_id=person.pk)
        .select_related("question")
        .prefetch_related("question__tags")
    )
    entries = [
        LearningEntry(
            when=question.created_at,
            kind="question",
            verb="Posed a Thinking Thursday question",
            title=question.text,
            url=question.get_absolute_url(),
            reflection=question.summary,
            tags=tuple(tag.name for tag in question.tags.all()),
        )
        for question in posed
    ]
    entries += [
        LearningEntry(
            when=reply.created_at,
            kind="reply",
            verb="Answered the Thinking Thursday question",
            title=reply.question.text,
            url=reply.get_absolute_url(),
            reflection=reply.text,
            tags=tuple(tag.name for tag in reply.question.tags.all()),
        )
        for reply in replies
    ]
    return entries


def write_question_for(viewer, topic: str) -> str | None:
    """A pulse topic as the viewer's next Thinking Thursday question, if they have a turn."""
    turn = own_next_turn(viewer, timezone.localdate(timezone=viewer.school.zone))
    if turn is None:
        return None
    query = urlencode({"text": f"What has worked for you with {topic}?"})
    return f"{reverse('ideas:write_question', args=[turn.pk])}?{query}"
