"""Replying to a question, and marking a reply "builds on this" (htmx, or a plain form)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ideas.thursday import services
from ideas.thursday.forms import ReplyForm
from ideas.thursday.models import Reply
from ideas.thursday.selectors import replies_for
from ideas.thursday.views.common import now, question_or_404, question_page_context


def _parent_or_404(question, staff, raw: str | None) -> Reply | None:
    if not raw:
        return None
    try:
        return Reply.objects.visible_to(staff).get(pk=int(raw), question=question)
    except (ValueError, Reply.DoesNotExist):
        raise Http404("No such reply.") from None


@require_POST
@login_required
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    moment = now()
    question = question_or_404(request.user, pk, moment)
    parent = _parent_or_404(question, request.user, request.POST.get("parent"))
    form = ReplyForm(request.POST, allow_anonymous=question.allow_anonymous)
    if form.is_valid():
        try:
            created = services.reply_create(
                question=question,
                author=request.user,
                text=form.cleaned_data["text"],
                parent=parent,
                is_anonymous=form.cleaned_data.get("is_anonymous", False),
                now=moment,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                "Thank you for your reply."
                if created.is_published
                else "Thank you: your reply appears once a moderator has approved it.",
            )
            anchor = f"#reply-{created.parent_id or created.pk}"
            return redirect(reverse("ideas:question_detail", args=[question.pk]) + anchor)
    # The error shows in the thread's own reply form, even for a reply to a reply.
    thread_id = (parent.parent_id or parent.pk) if parent else None
    context = question_page_context(request, question, form=form, parent_id=thread_id)
    return render(request, "ideas/thursday/question.html", context)


@require_POST
@login_required
def builds_on(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        target = Reply.objects.visible_to(request.user).select_related("question").get(pk=pk)
    except Reply.DoesNotExist:
        raise Http404("No such reply.") from None
    marked = services.builds_on_toggle(reply=target, staff=request.user)
    if request.htmx:
        annotated = replies_for(target.question, request.user).get(pk=target.pk)
        return render(
            request, "ideas/thursday/_builds_on.html", {"reply": annotated, "user": request.user}
        )
    messages.success(
        request, "Marked: this builds on your thinking." if marked else "Mark removed."
    )
    return redirect(reverse("ideas:question_detail", args=[target.question_id]) + f"#reply-{pk}")
