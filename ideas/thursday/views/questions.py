"""The Thinking Thursday page, one question's page, writing, editing, summarising,
the archive and the printable noticeboard sheet."""

from datetime import timedelta

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from hub.decorators import school_page
from hub.fragments import Fragment, personal, render_fragment, school_fragment
from hub.networks.sharing import offer_visibility
from ideas.thursday import services
from ideas.thursday.forms import QuestionForm, SummaryForm
from ideas.thursday.models import RotaTurn
from ideas.thursday.selectors import (
    archive_questions,
    current_question,
    live_questions,
    next_turn,
    own_next_turn,
    question_tags,
    questions_visible_to,
    with_reply_counts,
)
from ideas.thursday.views.common import now, question_or_404, question_page_context, school_today

ARCHIVE_PER_PAGE = 20
PRINT_AHEAD = timedelta(days=2)
RECENT_COUNT = 4


@login_required
@school_page
def thursday(request: HttpRequest) -> HttpResponse:
    moment = now()
    if request.user.school_id is None:
        raise Http404("You are not at a school.")
    today = school_today(request.user, moment)
    current = current_question(request.user, moment)
    is_moderator = request.user.is_moderator

    def build() -> Fragment:
        recent = (
            with_reply_counts(live_questions(request.user, moment))
            .select_related("author")
            .prefetch_related("tags")
        )
        if current:
            recent = recent.exclude(pk=current.pk)
            current.reply_count = current.replies.filter(status="published").count()
            prefetch_related_objects([current], "tags")
        context = {
            "question": current,
            "next_turn": next_turn(request.user, today, after=current),
            # Fetched here, not by the template: a view's queries are the page's queries.
            "recent": list(recent.order_by("-publish_at")[:RECENT_COUNT]),
            "is_moderator": is_moderator,
        }
        return Fragment(render_fragment("ideas/thursday/_questions.html", context, request))

    # Which question is current (and the day: who asks next) is all that time changes;
    # everything else that changes it bumps the school's content version.
    parts = [current.pk if current else None, today, is_moderator]
    questions = school_fragment(request.user.school, "thursday", build, parts=parts)
    return render(
        request,
        "ideas/thursday/thursday.html",
        {
            "questions": personal(questions, request),
            "own_turn": own_next_turn(request.user, today),
            "own_scheduled": questions_visible_to(request.user, moment)
            .filter(author_id=request.user.pk, publish_at__gt=moment)
            .order_by("publish_at")
            .first(),
        },
    )


@login_required
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = question_or_404(request.user, pk, now())
    return render(request, "ideas/thursday/question.html", question_page_context(request, question))


def _turn_or_404(request: HttpRequest, pk: int) -> RotaTurn:
    try:
        return RotaTurn.objects.visible_to(request.user).select_related("school").get(pk=pk)
    except RotaTurn.DoesNotExist:
        raise Http404("No turn found.") from None


@login_required
def write_question(request: HttpRequest, pk: int) -> HttpResponse:
    turn = _turn_or_404(request, pk)
    if turn.staff_id != request.user.pk:
        raise PermissionDenied("Only the colleague whose turn it is can write this question.")
    written = turn.questions.first()
    if written:
        return redirect("ideas:edit_question", pk=written.pk)
    # A pulse's topic arrives as ?text=, to be checked and changed before saving.
    form = QuestionForm(request.POST or None, initial={"text": request.GET.get("text", "")[:280]})
    offer_visibility(form, turn.school)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.question_write(
                turn=turn, author=request.user, now=now(), **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            when = question.publish_at.astimezone(turn.school.zone)
            approval = "" if question.is_published else " once a moderator has approved it"
            messages.success(
                request,
                f"Thank you. Your question appears for colleagues at "
                f"{when:%H:%M on %A %-d %B}{approval}.",
            )
            return redirect("ideas:question_detail", pk=question.pk)
    return render(request, "ideas/thursday/write_question.html", {"form": form, "turn": turn})


@login_required
def edit_question(request: HttpRequest, pk: int) -> HttpResponse:
    moment = now()
    question = question_or_404(request.user, pk, moment)
    if question.author_id != request.user.pk:
        raise PermissionDenied("Only the colleague who posed this question can edit it.")
    if question.publish_at <= moment and moment > question.editable_until():
        raise services.QuestionLocked(
            "Questions can only be edited in their first hour, so replies still make sense. "
            "Add to it in a reply instead."
        )
    initial = {
        "text": question.text,
        "context": question.context,
        "link": question.link,
        "tags": list(question.tags.all()),
        "allow_anonymous": question.allow_anonymous,
    }
    form = QuestionForm(request.POST or None, initial=initial)
    offer_visibility(form, question.school, current=question.visibility)
    if request.method == "POST" and form.is_valid():
        services.question_update(
            question=question, editor=request.user, now=moment, **form.cleaned_data
        )
        messages.success(request, "Your question is updated.")
        return redirect("ideas:question_detail", pk=question.pk)
    return render(
        request,
        "ideas/thursday/write_question.html",
        {"form": form, "question": question, "now": moment},
    )


@login_required
def summarise_question(request: HttpRequest, pk: int) -> HttpResponse:
    moment = now()
    question = question_or_404(request.user, pk, moment)
    if question.author_id != request.user.pk:
        raise PermissionDenied("Only the colleague who posed this question can summarise it.")
    form = SummaryForm(request.POST or None, initial={"summary": question.summary})
    if request.method == "POST" and form.is_valid():
        try:
            services.question_summarise(
                question=question,
                author=request.user,
                summary=form.cleaned_data["summary"],
                now=moment,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "Thank you: your summary is with the question in the archive."
            )
            return redirect("ideas:question_detail", pk=question.pk)
    return render(request, "ideas/thursday/summarise.html", {"form": form, "question": question})


@login_required
def thursday_archive(request: HttpRequest) -> HttpResponse:
    moment = now()
    query = request.GET.get("q", "").strip()[:100]
    tag = request.GET.get("tag", "").strip()[:100]
    questions = archive_questions(request.user, moment, query=query, tag=tag)
    page = Paginator(questions, ARCHIVE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ideas/thursday/archive.html",
        {"page": page, "query": query, "tag": tag, "tags": question_tags(request.user, moment)},
    )


@login_required
def thursday_print(request: HttpRequest) -> HttpResponse:
    moment = now()
    # Thursday's sheet can go up the evening before: prefer a question due soon.
    question = (
        questions_visible_to(request.user, moment)
        .filter(
            school_id=request.user.school_id,
            status="published",
            publish_at__gt=moment,
            publish_at__lte=moment + PRINT_AHEAD,
        )
        .order_by("publish_at")
        .first()
    ) or current_question(request.user, moment)
    qr_code = ""
    if question is not None:
        question = question_or_404(request.user, question.pk, moment)
        qr_code = _qr_svg(request.build_absolute_uri(question.get_absolute_url()))
    return render(
        request,
        "ideas/thursday/print.html",
        {"question": question, "qr_code": qr_code, "now": moment},
    )


def _qr_svg(url: str) -> str:
    """A QR code to the question page, so colleagues at the noticeboard can reply by phone.

    Marked safe because segno builds it from our own URL, never from user text.
    """
    svg = segno.make(url, error="m").svg_inline(
        omitsize=True, title="QR code: open this question on your phone", svgclass="print-qr"
    )
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308
