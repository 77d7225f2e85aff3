"""Swap requests: ask a colleague to exchange Thursdays; they accept or decline."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ideas.thursday.forms import SwapForm
from ideas.thursday.models import RotaTurn, SwapState, TurnState, TurnSwap
from ideas.thursday.swaps import swap_answer, swap_request
from ideas.thursday.views.common import now, school_today, turn_or_404


@login_required
def swap_turn(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask a colleague to swap: nothing moves until they accept."""
    turn = turn_or_404(request, pk)
    if turn.staff_id != request.user.pk:
        raise PermissionDenied("Only the colleague whose turn it is can ask for a swap.")
    moment = now()
    today = school_today(request.user, moment)
    choices = (
        RotaTurn.objects.visible_to(request.user)
        .filter(state=TurnState.PLANNED, date__gte=today, staff__is_active=True)
        .exclude(staff_id=turn.staff_id)
        .select_related("staff")
    )
    if request.method == "POST":
        # Another school's turn is a 404, not a form error: it must not be guessable.
        turn_or_404(request, request.POST.get("other"))
    form = SwapForm(request.POST or None, turns=choices)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other"]
        try:
            swap_request(turn=turn, other=other, by=request.user, moment=moment)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                f"Asked {other.staff.name}. Nothing changes unless they accept; "
                "you will hear either way.",
            )
            return redirect("ideas:rota")
    return render(request, "ideas/thursday/swap_turn.html", {"form": form, "turn": turn})


def _swap_or_404(request: HttpRequest, pk: int) -> TurnSwap:
    try:
        swap = (
            TurnSwap.objects.visible_to(request.user)
            .select_related("first_turn", "second_turn", "first_staff", "second_staff", "school")
            .get(pk=pk)
        )
    except TurnSwap.DoesNotExist:
        raise Http404("No swap request found.") from None
    involved = request.user.pk in (swap.first_staff_id, swap.second_staff_id)
    if not involved and not request.user.is_moderator:
        raise PermissionDenied("This request is between two other colleagues.")
    return swap


@login_required
def swap_request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    swap = _swap_or_404(request, pk)
    context = {"swap": swap, "state": swap.state_at(now()), "SwapState": SwapState}
    return render(request, "ideas/thursday/swap_request.html", context)


@require_POST
@login_required
def answer_swap(request: HttpRequest, pk: int) -> HttpResponse:
    swap = _swap_or_404(request, pk)
    answer = request.POST.get("answer", "")
    try:
        swap = swap_answer(swap=swap, by=request.user, answer=answer, moment=now())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(swap.get_absolute_url())
    if swap.state == SwapState.ACCEPTED:
        messages.success(
            request,
            f"Swapped. Your turn is now {swap.first_turn.date:%A %-d %B}; "
            f"{swap.first_staff.name} is told.",
        )
    elif swap.state == SwapState.DECLINED:
        messages.success(request, f"Declined. {swap.first_staff.name} is told; your turn stays.")
    else:
        messages.success(request, "Request withdrawn. Your turn stays as it was.")
    return redirect("ideas:rota")
