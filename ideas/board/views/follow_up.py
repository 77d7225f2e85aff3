"""After "I'll try this": "How did it go?", and the author's invitation to take it further."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from hub.access import get_visible_or_404
from hub.models import Status
from ideas.board import selectors, services
from ideas.board.forms import FollowUpForm
from ideas.board.models import FollowUpAnswer, Idea


def _shared_idea_or_404(request: HttpRequest, pk: int) -> Idea:
    """A shared idea of one's own school; anything else answers 404."""
    queryset = Idea.objects.filter(
        school_id=request.user.school_id, status=Status.PUBLISHED
    ).select_related("author")
    return get_visible_or_404(queryset, request.user, pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def how_did_it_go(request: HttpRequest, pk: int) -> HttpResponse:
    """One tap from the nudge: a short reflection, or "didn't get to it" (no more nudges)."""
    idea = _shared_idea_or_404(request, pk)
    form = FollowUpForm(request.POST or None, person=request.user)
    if request.method == "POST" and form.is_valid():
        follow_up = services.follow_up_answer(
            idea=idea,
            person=request.user,
            answer=form.cleaned_data["answer"],
            reflection=form.cleaned_data["reflection"],
        )
        if follow_up.answer == FollowUpAnswer.TRIED:
            messages.success(request, f"Thank you. {idea.author.name} will see how it went.")
            return redirect(f"{reverse('ideas:idea_detail', args=[idea.pk])}#reactions")
        messages.success(request, "No problem: we won’t ask about this idea again.")
        return redirect("ideas:board")
    status = 400 if form.is_bound else 200
    return render(
        request, "ideas/board/how_did_it_go.html", {"idea": idea, "form": form}, status=status
    )


@login_required
def take_it_further(request: HttpRequest, pk: int) -> HttpResponse:
    """The author's one-tap routes from a well-tried idea to an article or a lunch input."""
    idea = _shared_idea_or_404(request, pk)
    if idea.author_id != request.user.pk:
        raise PermissionDenied("Only the idea’s author is invited to take it further.")
    # The lunch input form opens filled in from the idea: a URL, since ideas never import events.
    from_idea = urlencode({"title": idea.title, "summary": idea.note})
    offer_input = f"{reverse('events:offer_input')}?{from_idea}"
    context = {"idea": idea, "tried": selectors.tried_count(idea), "offer_input": offer_input}
    return render(request, "ideas/board/take_it_further.html", context)
