"""One idea: read it, post it, edit it, delete it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from hub.access import get_editable_or_404, get_visible_or_404
from hub.models import Status
from hub.networks.sharing import offer_visibility, visibility_note
from ideas.board import selectors, services
from ideas.board.forms import TAG_SUGGESTIONS_ID, CommentForm, IdeaForm, PickForm
from ideas.board.models import Idea, ReactionKind
from ideas.board.views.common import as_cards


def detail_context(request: HttpRequest, idea: Idea, **forms) -> dict:
    reactions = list(selectors.idea_reactions(idea, request.user))
    return {
        "idea": as_cards([idea], request.user)[0],
        "tried": [reaction for reaction in reactions if reaction.kind == ReactionKind.TRIED],
        "will_try": [reaction for reaction in reactions if reaction.kind == ReactionKind.WILL_TRY],
        "comments": selectors.idea_comments(idea, request.user),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "reaction_form": forms.get("reaction_form"),
        "pick_form": forms.get("pick_form") or PickForm(),
        "pick": selectors.idea_of_the_week(idea.school_id, idea.week),
    }


@login_required
@require_http_methods(["GET"])
def idea_detail(request: HttpRequest, pk: int) -> HttpResponse:
    ideas = selectors.with_board_details(Idea.objects.select_related("school"), request.user)
    idea = get_visible_or_404(ideas, request.user, pk=pk)
    return render(request, "ideas/board/idea_detail.html", detail_context(request, idea))


def _form_page(request: HttpRequest, form: IdeaForm, **extra) -> HttpResponse:
    context = {
        "form": form,
        "suggested_tags": selectors.tags_in_use(request.user, limit=12),
        "tag_suggestions_id": TAG_SUGGESTIONS_ID,
        **extra,
    }
    return render(request, "ideas/board/idea_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def post_idea(request: HttpRequest) -> HttpResponse:
    """The posting form on its own page (the QR code's target); the board embeds it too."""
    form = IdeaForm(request.POST or None, initial=IdeaForm.initial_from(request.GET))
    offer_visibility(form, request.user.school)
    if request.method == "POST" and form.is_valid():
        try:
            idea = services.idea_create(author=request.user, **form.cleaned_data)
        except services.DuplicateIdea as duplicate:
            messages.info(request, str(duplicate))
            return redirect(reverse("ideas:board") + f"#idea-{duplicate.idea.pk}")
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if idea.status == Status.SUBMITTED:
                messages.success(
                    request, "Thank you! Your post-it is waiting for approval by a moderator."
                )
            else:
                messages.success(
                    request, "Your post-it is on the board." + visibility_note(idea.visibility)
                )
            return redirect(reverse("ideas:board") + f"#idea-{idea.pk}")
    if request.GET.get("welcome"):
        # Straight from accepting the invitation: the title field is ready to type in.
        form.fields["title"].widget.attrs["autofocus"] = True
    return _form_page(request, form, editing=False, welcome=bool(request.GET.get("welcome")))


@login_required
@require_http_methods(["GET", "POST"])
def edit_idea(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_editable_or_404(Idea.objects.all(), request.user, pk=pk)
    form = IdeaForm.for_idea(idea, request.POST or None)
    offer_visibility(form, idea.school, current=idea.visibility)
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_update(idea=idea, editor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your changes are saved.")
            return redirect("ideas:idea_detail", pk=idea.pk)
    return _form_page(request, form, editing=True, idea=idea)


@login_required
@require_http_methods(["GET", "POST"])
def delete_idea(request: HttpRequest, pk: int) -> HttpResponse:
    idea = get_editable_or_404(Idea.objects.all(), request.user, pk=pk)
    if request.method == "POST":
        title = idea.title
        services.idea_delete(idea=idea, actor=request.user)
        messages.success(request, f"“{title}” is off the board.")
        return redirect("ideas:board")
    return render(request, "ideas/board/idea_delete.html", {"idea": idea})
