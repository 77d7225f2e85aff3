"""The rota: everyone sees it and may step out of it; moderators plan and edit it."""

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.content import school_changed
from hub.decorators import moderator_required
from hub.models import Staff
from ideas.thursday import rota_services as services
from ideas.thursday.forms import (
    ClosureForm,
    OptOutForm,
    RotaRangeForm,
    SelfOptOutForm,
    TurnEditForm,
)
from ideas.thursday.models import Closure, RotaOptOut, RotaTurn, TurnState
from ideas.thursday.rota import NoOpenThursdays
from ideas.thursday.swaps import open_requests_for
from ideas.thursday.views.common import now, school_today, turn_or_404

TURNS_PER_PAGE = 25
CLOSURES_PER_PAGE = 50


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
    my_opt_out = RotaOptOut.objects.visible_to(request.user).filter(staff=request.user).first()
    context = {
        "page": page,
        "rows": _with_holiday_weeks(request, list(page.object_list), past, today),
        "past": past,
        "today": today,
        "now": moment,
        "my_opt_out": my_opt_out,
        "self_opt_out_form": SelfOptOutForm(prefix="mine"),
        "swap_requests": open_requests_for(request.user, moment),
    }
    if request.user.is_moderator:
        context["opt_outs"] = RotaOptOut.objects.visible_to(request.user).select_related("staff")
        context["opt_out_form"] = OptOutForm(school_id=request.user.school_id)
        context["leavers_turns"] = (
            RotaTurn.objects.visible_to(request.user)
            .filter(date__gte=today, state=TurnState.PLANNED, staff__is_active=False)
            .count()
        )
    return render(request, "ideas/thursday/rota.html", context)


def _with_holiday_weeks(request: HttpRequest, turns: list, past: bool, today: date) -> list:
    """The page's turns with the closures that take a Thursday between them (one query).

    Each row is ("turn", turn) or ("holiday", closure): "no Thinking Thursday: Christmas
    holiday, 21 Dec – 2 Jan" sits where its Thursdays would have been.
    """
    if not turns:
        return []
    dates = [turn.date for turn in turns]
    start, end = min(dates), max(dates)
    if not past:
        start = today
    closures = Closure.objects.visible_to(request.user).filter(
        first_day__lte=end, last_day__gte=start
    )
    rows = [(turn.date, "turn", turn) for turn in turns]
    for closure in closures:
        thursdays = [day for day in closure.thursdays() if start <= day <= end]
        if thursdays:
            rows.append((thursdays[0], "holiday", closure))
    rows.sort(key=lambda row: (row[0], row[1] == "turn"), reverse=past)
    return [(kind, item) for _day, kind, item in rows]


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
    closures = Closure.objects.visible_to(request.user).filter(
        first_day__lte=end, last_day__gte=start
    )
    replacing = RotaTurn.objects.visible_to(request.user).filter(
        date__range=(max(start, today), end), state=TurnState.PLANNED, questions__isnull=True
    )
    return {"closures": closures.count(), "replacing": replacing.count()}


@moderator_required
def edit_rota_turn(request: HttpRequest, pk: int) -> HttpResponse:
    turn = turn_or_404(request, pk)
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


@moderator_required
def closure_dates(request: HttpRequest) -> HttpResponse:
    form = ClosureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            closure = services.closure_add(
                school=request.user.school,
                first_day=data["start"],
                last_day=data["end"],
                reason=data["reason"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"Added: {closure}.")
            return redirect("ideas:closure_dates")
    today = school_today(request.user, now())
    closures = Closure.objects.visible_to(request.user).filter(last_day__gte=today)
    page = Paginator(closures, CLOSURES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "ideas/thursday/closure_dates.html", {"form": form, "page": page})


@require_POST
@moderator_required
def delete_closure_date(request: HttpRequest, pk: int) -> HttpResponse:
    with transaction.atomic():
        deleted, _ = Closure.objects.visible_to(request.user).filter(pk=pk).delete()
        school_changed(request.user.school_id)
    if not deleted:
        raise Http404("No closure found.")
    messages.success(request, "Those days are open again. Plan the rota again to use them.")
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


@require_POST
@login_required
def opt_me_out(request: HttpRequest) -> HttpResponse:
    """A colleague steps off the rota for now; their planned turns stay until re-planned."""
    form = SelfOptOutForm(request.POST, prefix="mine")
    if not form.is_valid():
        messages.error(request, "Not saved: keep the reason under 200 characters.")
        return redirect("ideas:rota")
    try:
        services.opt_out_add(
            school=request.user.school,
            staff=request.user,
            reason=form.cleaned_data["reason"],
            chosen_by_self=True,
        )
    except (ValidationError, IntegrityError):
        messages.info(request, "You are already left out of new rotas.")
        return redirect("ideas:rota")
    upcoming = (
        RotaTurn.objects.visible_to(request.user)
        .filter(
            staff=request.user, state=TurnState.PLANNED, date__gte=school_today(request.user, now())
        )
        .first()
    )
    note = (
        f" Your turn on {upcoming.date:%-d %B} is still planned: swap it, or ask a moderator."
        if upcoming
        else ""
    )
    messages.success(request, f"You are left out of new rotas until you step back in.{note}")
    return redirect("ideas:rota")


@require_POST
@login_required
def opt_me_in(request: HttpRequest) -> HttpResponse:
    if services.opt_out_remove(staff=request.user):
        messages.success(request, "Welcome back: you will be on the rota when it is next planned.")
    else:
        messages.info(request, "You are already on the rota.")
    return redirect("ideas:rota")
