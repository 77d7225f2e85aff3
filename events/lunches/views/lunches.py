"""Lunch lists, the lunch page, and scheduling (moderators)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from events.lunches import selectors, services
from events.lunches.calendar import lunches_calendar
from events.lunches.forms import LunchForm, SignUpForm, TakeawayForm
from events.lunches.models import Lunch
from hub.access import get_visible_or_404, require_moderator
from hub.decorators import moderator_required, school_page
from hub.fragments import Fragment, personal, render_fragment, school_fragment

UPCOMING_PER_PAGE = 10
ARCHIVE_PER_PAGE = 12


@login_required
@school_page
def lunches(request: HttpRequest) -> HttpResponse:
    def build() -> Fragment:
        upcoming = selectors.lunches_for(request.user).upcoming().select_related("school")
        page = Paginator(upcoming, UPCOMING_PER_PAGE).get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)  # fetched here, not by the template
        html = render_fragment("events/lunches/_lunch_list.html", {"page": page}, request)
        return Fragment(html, [lunch.pk for lunch in page])

    # "Coming up" changes as lunches start: the minute is part of the key.
    minute = timezone.now().strftime("%Y%m%d%H%M")
    parts = [request.get_full_path(), minute]
    lunch_list = school_fragment(request.user.school, "lunch-list", build, parts=parts)
    mine = selectors.my_sign_up_states(request.user, lunch_list.data)
    context = {
        "lunch_list": personal(lunch_list, request, mine),
        "lunch_count": len(lunch_list.data),
    }
    return render(request, "events/lunches/lunches.html", context)


@login_required
def lunch_archive(request: HttpRequest) -> HttpResponse:
    past = selectors.archive_for(request.user)
    page = Paginator(past, ARCHIVE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "events/lunches/archive.html", {"page": page})


def render_lunch(
    request: HttpRequest, lunch: Lunch, *, sign_up_form=None, takeaway_form=None, status=200
) -> HttpResponse:
    """The lunch page, optionally with a bound form showing its errors."""
    data = selectors.lunch_page(lunch, request.user)
    if sign_up_form is None:
        sign_up_form = SignUpForm(instance=data.my_sign_up)
    context = {
        "lunch": lunch,
        "data": data,
        "now": timezone.now(),
        "sign_up_form": sign_up_form,
        "takeaway_form": takeaway_form or TakeawayForm(),
    }
    return render(request, "events/lunches/lunch_detail.html", context, status=status)


@login_required
@school_page
def lunch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    lunch = get_visible_or_404(Lunch.objects.select_related("school"), request.user, pk=pk)
    return render_lunch(request, lunch)


@moderator_required
def schedule_lunch(request: HttpRequest) -> HttpResponse:
    school = request.user.school
    # A pulse's topic arrives as ?theme=, to be checked and changed before saving.
    initial = {"theme": request.GET.get("theme", "")[:150]}
    form = LunchForm(request.POST or None, school=school, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            lunch = services.schedule_lunch(
                school=school, created_by=request.user, **form.cleaned_data
            )
        except services.SameTimeAsAnotherLunch as clash:
            form.ask_to_confirm_same_time(clash.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Lunch scheduled. Colleagues can now sign up.")
            return redirect(lunch)
    return render(request, "events/lunches/lunch_form.html", {"form": form, "lunch": None})


@login_required
def edit_lunch(request: HttpRequest, pk: int) -> HttpResponse:
    lunch = get_visible_or_404(Lunch.objects.select_related("school"), request.user, pk=pk)
    require_moderator(request.user)
    form = LunchForm(
        request.POST or None, school=lunch.school, initial=LunchForm.initial_from(lunch)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_lunch(lunch_id=lunch.pk, **form.cleaned_data)
        except services.SameTimeAsAnotherLunch as clash:
            form.ask_to_confirm_same_time(clash.message)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Lunch updated.")
            return redirect(lunch)
    return render(request, "events/lunches/lunch_form.html", {"form": form, "lunch": lunch})


@login_required
def lunch_ics(request: HttpRequest, pk: int) -> HttpResponse:
    lunches = selectors.with_confirmed_inputs(Lunch.objects.filter(pk=pk).select_related("school"))
    lunch = get_visible_or_404(lunches, request.user, pk=pk)
    if lunch.has_ended():
        raise Http404("This lunch has happened: there is nothing to add to a calendar.")
    response = HttpResponse(
        lunches_calendar([lunch], name="Learning lunch", school=lunch.school),
        content_type="text/calendar",
    )
    response["Content-Disposition"] = f'attachment; filename="learning-lunch-{lunch.date}.ics"'
    return response
