"""The rota: everyone sees it and can swap their turn; moderators plan and edit it."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.content import school_changed
from hub.decorators import moderator_required
from hub.models import Staff
from ideas.thursday import rota_services as services
from ideas.thursday.forms import ClosureForm, OptOutForm, RotaRangeForm, SwapForm, TurnEditForm
from ideas.thursday.models import ClosureDate, RotaOptOut, RotaTurn, TurnState
from ideas.thursday.rota import NoOpenThursdays
from ideas.thursday.views.common import now, school_today

TURNS_PER_PAGE = 25
CLOSURES_PER_PAGE = 50


def _turn_or_404(request: HttpRequest, pk) -> RotaTurn:
    try:
        return (
            RotaTurn.objects.visible_to(request.user)
            .select_related("staff", "school")
            .get(pk=int(pk))
        )
    except (TypeError, ValueError, RotaTurn.DoesNotExist):
        raise Http404("No turn found.") from None


@login_required
def rota(request: HttpRequest) -> HttpResponse:
    if request.user.school_id is None:
        raise Http404("You are not at a school.")
    moment = now()
    today = school_today(request.user, moment)
    past = request.GET.get("show") == "past"
    turns = RotaTurn.objects.visible_to(request.user).select_related("staff")
    turns = (
        turns.filter(date__lt=today).order_by("-date") if past else turns.filter(date__gte=today)
    )
    page = Paginator(turns.prefetch_related("questions"), TURNS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "past": past, "today": today, "now": moment}
    if request.user.is_moderator:
        context["opt_outs"] = RotaOptOut.objects.visible_to(request.user).select_related("staff")
        context["opt_out_form"] = OptOutForm(school_id=request.user.school_id)
        context["leavers_turns"] = (
            RotaTurn.objects.visible_to(request.user)
            .filter(date__gte=today, state=TurnState.PLANNED, staff__is_active=False)
            .count()
        )
    return render(request, "ideas/thursday/rota.html", context)


def _default_range(today: date) -> dict:
    return {"start": today, "end": today + timedelta(weeks=13)}


@moderator_required
def generate_rota(request: HttpRequest) -> HttpResponse:
    today = school_today(request.user, now())
    form = RotaRangeForm(request.POST or None, initial=_default_range(today))
    plan = None
    if request.method == "POST" and form.is_valid():
        school, start, end = (
            request.user.school,
            form.cleaned_data["start"],
            form.cleaned_data["end"],
        )
        try:
            if request.POST.get("confirm") == "yes":
                made = services.rota_generate(
                    school=school, start=start, end=end, by=request.user, today=today
                )
                messages.success(request, f"The rota is saved: {made} Thursdays planned.")
                return redirect("ideas:rota")
            plan = services.rota_plan(school=school, start=start, end=end, today=today)
        except (NoOpenThursdays, ValidationError) as error:
            form.add_error(
                None, error.messages if isinstance(error, ValidationError) else str(error)
            )
    context = {"form": form, "plan": plan}
    if plan:
        context |= _preview_warnings(
            request, form.cleaned_data["start"], form.cleaned_data["end"], today
        )
    return render(request, "ideas/thursday/generate_rota.html", context)


def _preview_warnings(request: HttpRequest, start: date, end: date, today: date) -> dict:
    """What the moderator should know before saving: forgotten holidays, turns replaced."""
    closures = ClosureDate.objects.visible_to(request.user).filter(date__range=(start, end))
    replacing = RotaTurn.objects.visible_to(request.user).filter(
        date__range=(max(start, today), end), state=TurnState.PLANNED, questions__isnull=True
    )
    return {"closures": closures.count(), "replacing": replacing.count()}


@moderator_required
def edit_rota_turn(request: HttpRequest, pk: int) -> HttpResponse:
    turn = _turn_or_404(request, pk)
    initial = {"staff": turn.staff, "state": turn.state, "skip_reason": turn.skip_reason}
    form = TurnEditForm(request.POST or None, initial=initial, school_id=turn.school_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.turn_update(turn=turn, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"The turn on {turn.date:%-d %B} is updated.")
            return redirect("ideas:rota")
    return render(request, "ideas/thursday/edit_turn.html", {"form": form, "turn": turn})


@login_required
def swap_turn(request: HttpRequest, pk: int) -> HttpResponse:
    turn = _turn_or_404(request, pk)
    if turn.staff_id != request.user.pk and not request.user.is_moderator:
        raise PermissionDenied("Only the colleague whose turn it is can swap it.")
    today = school_today(request.user, now())
    choices = (
        RotaTurn.objects.visible_to(request.user)
        .filter(state=TurnState.PLANNED, date__gte=today, staff__is_active=True)
        .exclude(staff_id=turn.staff_id)
        .select_related("staff")
    )
    if request.method == "POST":
        # Another school's turn is a 404, not a form error: it must not be guessable.
        _turn_or_404(request, request.POST.get("other"))
    form = SwapForm(request.POST or None, turns=choices)
    if request.method == "POST" and form.is_valid():
        other = form.cleaned_data["other"]
        try:
            services.turn_swap(turn=turn, other=other, by=request.user, today=today)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, f"Swapped: {other.staff.name} and {turn.staff.name} are both told."
            )
            return redirect("ideas:rota")
    return render(request, "ideas/thursday/swap_turn.html", {"form": form, "turn": turn})


@moderator_required
def closure_dates(request: HttpRequest) -> HttpResponse:
    form = ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            added = services.closure_dates_add(
                school=request.user.school,
                start=data["start"],
                end=data["end"],
                reason=data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{added} closed day{'s' if added != 1 else ''} added.")
            return redirect("ideas:closure_dates")
    today = school_today(request.user, now())
    closures = ClosureDate.objects.visible_to(request.user).filter(date__gte=today)
    page = Paginator(closures, CLOSURES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "ideas/thursday/closure_dates.html", {"form": form, "page": page})


@require_POST
@moderator_required
def delete_closure_date(request: HttpRequest, pk: int) -> HttpResponse:
    with transaction.atomic():
        deleted, _ = ClosureDate.objects.visible_to(request.user).filter(pk=pk).delete()
        school_changed(request.user.school_id)
    if not deleted:
        raise Http404("No closure date found.")
    messages.success(request, "That day is open again. Regenerate the rota to use it.")
    return redirect("ideas:closure_dates")


@require_POST
@moderator_required
def rota_opt_out(request: HttpRequest) -> HttpResponse:
    form = OptOutForm(request.POST, school_id=request.user.school_id)
    if form.is_valid():
        staff: Staff = form.cleaned_data["staff"]
        try:
            services.opt_out_add(
                school=request.user.school, staff=staff, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, IntegrityError):
            messages.error(request, f"{staff.name} is already left out of the rota.")
        else:
            messages.success(
                request,
                f"{staff.name} is left out of new rotas. Regenerate to update planned turns.",
            )
    else:
        errors = "; ".join(f"{form.fields[f].label or f}: {e[0]}" for f, e in form.errors.items())
        messages.error(request, f"Not saved. {errors}")
    return redirect("ideas:rota")


@require_POST
@moderator_required
def rota_opt_in(request: HttpRequest, pk: int) -> HttpResponse:
    with transaction.atomic():
        deleted, _ = RotaOptOut.objects.visible_to(request.user).filter(pk=pk).delete()
        school_changed(request.user.school_id)
    if not deleted:
        raise Http404("No such colleague on the opt-out list.")
    messages.success(request, "They will be included when you next generate the rota.")
    return redirect("ideas:rota")
