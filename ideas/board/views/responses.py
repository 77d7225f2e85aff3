"""Follow-ups on an idea: reactions (htmx or plain POST), comments, Idea of the Week."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from hub.access import get_moderatable_or_404, get_visible_or_404
from hub.models import Status
from ideas.board import selectors, services
from ideas.board.forms import CommentForm, PickForm, ReactionForm
from ideas.board.models import Idea, ReactionKind
from ideas.board.views.common import as_cards, next_url
from ideas.board.views.ideas import detail_context


def _shared_idea_or_404(request: HttpRequest, pk: int) -> Idea:
    """Reactions and comments go on shared ideas the person may see: their own school's,
    and those another school opened to their network or to everyone (404 elsewhere)."""
    queryset = selectors.with_board_details(
        Idea.objects.filter(status=Status.PUBLISHED).select_related("author__school"),
        request.user,
    )
    return get_visible_or_404(queryset, request.user, pk=pk)


@login_required
@require_POST
def react(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _shared_idea_or_404(request, pk)
    form = ReactionForm(request.POST)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        if request.POST.get("remove"):
            services.reaction_remove(idea=idea, author=request.user, kind=kind)
        else:
            services.reaction_add(
                idea=idea,
                author=request.user,
                kind=kind,
                reflection=form.cleaned_data["reflection"],
            )
        idea = _shared_idea_or_404(request, pk)  # fresh counts
        form = None
    if request.htmx:
        context = {"idea": as_cards([idea], request.user)[0], "reaction_form": form}
        context["htmx_update"] = True
        return render(request, "ideas/board/_idea_card.html#reactions", context)
    if form is not None:
        context = detail_context(request, idea, reaction_form=form)
        return render(request, "ideas/board/idea_detail.html", context, status=400)
    if kind == ReactionKind.TRIED and not request.POST.get("remove"):
        messages.success(request, "Thank you for saying how it went.")
    return redirect(next_url(request, "ideas:idea_detail", idea.pk) + f"#idea-{idea.pk}")


@login_required
@require_POST
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _shared_idea_or_404(request, pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            added = services.comment_add(idea=idea, author=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if added.status == Status.SUBMITTED:
                messages.success(request, "Your comment is waiting for approval.")
            return redirect("ideas:idea_detail", pk=idea.pk)
    context = detail_context(request, idea, comment_form=form)
    return render(request, "ideas/board/idea_detail.html", context, status=400)


@login_required
@require_POST
def pick_idea_of_week(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_moderatable_or_404(Idea.objects.select_related("author"), request.user, pk=pk)
    form = PickForm(request.POST)
    if form.is_valid():
        try:
            services.pick_idea_of_week(idea=idea, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("ideas:idea_detail", pk=idea.pk)
        messages.success(request, f"“{idea.title}” is the Idea of the Week.")
        return redirect(f"{_board_week_url(idea)}#idea-of-the-week")
    idea = selectors.with_board_details(Idea.objects.all(), request.user).get(pk=idea.pk)
    context = detail_context(request, idea, pick_form=form)
    return render(request, "ideas/board/idea_detail.html", context, status=400)


def _board_week_url(idea: Idea) -> str:
    return f"{reverse('ideas:board')}?week={idea.week.isoformat()}"
