"""The night itself: the TeachMeet draw and its big screen, the Speed Learning table plan."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from events.twilights import selectors, services
from events.twilights.forms import TablePlanForm
from events.twilights.permissions import may_manage
from events.twilights.views.twilights import render_twilight


def _managed_or_403(request: HttpRequest, pk: int):
    twilight = selectors.twilight_or_404(request.user, pk)
    if not may_manage(request.user, twilight):
        raise PermissionDenied("This is for the host school's organisers and the network's leads.")
    return twilight


@require_POST
@login_required
def draw_running_order(request: HttpRequest, pk: int) -> HttpResponse:
    twilight = _managed_or_403(request, pk)
    try:
        services.draw_running_order(twilight_id=twilight.pk, actor=request.user)
    except services.TwilightRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "The running order is drawn. It is revealed on the night.")
    return redirect(f"{twilight.get_absolute_url()}#running-order")


@login_required
def running_order_screen(request: HttpRequest, pk: int) -> HttpResponse:
    """The big screen: slot by slot, "Next" (a link, or the arrow keys) shows one more."""
    twilight = _managed_or_403(request, pk)
    data = selectors.twilight_page(twilight, request.user)
    order = data.running_order
    try:
        shown = max(0, min(int(request.GET.get("shown", 0)), len(order)))
    except ValueError:
        shown = 0
    context = {
        "twilight": twilight,
        "order": order,
        "revealed": order[:shown],
        "shown": shown,
        "next_slot": shown + 1 if shown < len(order) else None,
        "total": len(order),
    }
    return render(request, "events/twilights/screen.html", context)


@login_required
def table_plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable plan: a card per table (who sits there each round) and per person."""
    twilight = selectors.twilight_or_404(request.user, pk)
    data = selectors.twilight_page(twilight, request.user)
    view, unplaced = None, []
    if data.plan is not None:
        view = selectors.plan_view(data.plan, data.presenters + data.participants)
        placed = {str(pk) for pk in data.plan.tables} | set(data.plan.seats)
        unplaced = [e for e in data.presenters + data.participants if str(e.pk) not in placed]
    context = {
        "twilight": twilight,
        "plan": data.plan,
        "view": view,
        "unplaced": unplaced,
        "managing": may_manage(request.user, twilight),
    }
    return render(request, "events/twilights/table_plan.html", context)


@require_POST
@login_required
def make_table_plan(request: HttpRequest, pk: int) -> HttpResponse:
    twilight = _managed_or_403(request, pk)
    form = TablePlanForm(request.POST)
    if form.is_valid():
        try:
            services.make_table_plan(
                twilight_id=twilight.pk, actor=request.user, rounds=form.cleaned_data["rounds"]
            )
        except services.TwilightRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(f"{twilight.get_absolute_url()}#table-plan")
        except ValidationError as error:
            form.add_error("rounds", error.message_dict.get("rounds", error.messages))
        else:
            messages.success(request, "The table plan is ready. Print it for the tables.")
            return redirect("events:twilight_table_plan", pk=twilight.pk)
    messages.error(request, "Please check the number of rounds: see the note below.")
    return render_twilight(request, twilight, plan_form=form, status=400)
