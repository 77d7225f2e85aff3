"""What every Thinking Thursday view shares: the clock, the school's today, lookups."""

from datetime import date, datetime

from django.core.paginator import Page, Paginator
from django.http import Http404, HttpRequest
from django.utils import timezone

from ideas.thursday.forms import ReplyForm
from ideas.thursday.models import Question, Reply, RotaTurn
from ideas.thursday.selectors import questions_visible_to, replies_for

REPLIES_PER_PAGE = 30


def now() -> datetime:
    return timezone.now()


def school_today(staff, moment: datetime) -> date:
    """Today's date where the school is (a Thursday in London is not one in UTC+13)."""
    return moment.astimezone(staff.school.zone).date()


def question_or_404(staff, pk: int, moment: datetime) -> Question:
    try:
        return (
            questions_visible_to(staff, moment)
            .select_related("author", "school", "turn")
            .prefetch_related("tags")
            .get(pk=pk)
        )
    except Question.DoesNotExist:
        raise Http404("No question found.") from None


def reply_threads(question: Question, viewer, page_number) -> tuple[Page, list[Reply]]:
    """A page of top-level replies, each with its replies in `.thread`; three queries."""
    replies = replies_for(question, viewer)
    page = Paginator(replies.filter(parent__isnull=True), REPLIES_PER_PAGE).get_page(page_number)
    children = replies.filter(parent_id__in=[reply.pk for reply in page.object_list])
    by_parent: dict[int, list[Reply]] = {}
    for child in children:
        by_parent.setdefault(child.parent_id, []).append(child)
    for reply in page.object_list:
        reply.thread = by_parent.get(reply.pk, [])
    return page, list(page.object_list)


def question_page_context(
    request: HttpRequest, question: Question, *, form=None, parent_id: int | None = None
) -> dict:
    moment = now()
    page, replies = reply_threads(question, request.user, request.GET.get("page"))
    return {
        "question": question,
        "page": page,
        "replies": replies,
        "replies_open": question.replies_open(moment),
        "is_live": question.is_live(moment),
        "can_edit": question.author_id == request.user.pk
        and (question.publish_at > moment or moment <= question.editable_until()),
        "is_poser": question.author_id == request.user.pk,
        "reply_form": form
        if form is not None and parent_id is None
        else ReplyForm(allow_anonymous=question.allow_anonymous),
        "bound_child_form": form if parent_id is not None else None,
        "bound_parent_id": parent_id,
    }


def turn_or_404(request: HttpRequest, pk) -> RotaTurn:
    try:
        return (
            RotaTurn.objects.visible_to(request.user)
            .select_related("staff", "school")
            .get(pk=int(pk))
        )
    except (TypeError, ValueError, RotaTurn.DoesNotExist):
        raise Http404("No turn found.") from None
