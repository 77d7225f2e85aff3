"""The twilights list, scheduling one, its page and its calendar file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from events.twilights import selectors, services
from events.twilights.calendar import twilight_calendar
from events.twilights.forms import SignUpForm, TablePlanForm, TwilightForm
from events.twilights.models import Twilight
from events.twilights.permissions import hostable_networks, may_manage
from hub.models import School
from hub.networks.access import networks_of

PAST_SHOWN = 12


@login_required
def twilights(request: HttpRequest) -> HttpResponse:
    mine = selectors.with_counts(selectors.twilights_for(request.user))
    upcoming = list(mine.upcoming())
    past = list(mine.past()[:PAST_SHOWN])
    states = selectors.my_states(request.user, [t.pk for t in upcoming])
    for twilight in upcoming:
        twilight.my_place = states.get(twilight.pk)
        twilight.free_places = max(twilight.capacity - twilight.participant_count, 0)
    context = {
        "upcoming": upcoming,
        "past": past,
        "networks": list(networks_of(request.user)),
        "may_schedule": hostable_networks(request.user).exists(),
    }
    return render(request, "events/twilights/twilights.html", context)


@login_required
def schedule_twilight(request: HttpRequest) -> HttpResponse:
    networks = hostable_networks(request.user)
    if not networks.exists():
        raise PermissionDenied("Your school's moderators and admins, or a network lead, host.")
    led = networks.filter(leads=request.user.pk)
    # Organisers host at their own school; a lead at any school of a network they lead.
    schools = School.objects.filter(Q(pk=request.user.school_id) | Q(networks__in=led))
    form = TwilightForm(
        request.POST if request.method == "POST" else None,
        networks=networks,
        schools=schools.distinct(),
        zone=request.user.school.zone if request.user.school_id else None,
        initial={"host_school": request.user.school_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            twilight = services.schedule_twilight(created_by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied:
            form.add_error("host_school", "You may host only at your own school.")
        else:
            messages.success(
                request, "Twilight scheduled. Colleagues across the network can sign up."
            )
            return redirect(twilight)
    return render(request, "events/twilights/twilight_form.html", {"form": form})


def render_twilight(
    request: HttpRequest, twilight: Twilight, *, sign_up_form=None, plan_form=None, status=200
) -> HttpResponse:
    """The twilight page, optionally with a bound form showing its errors."""
    data = selectors.twilight_page(twilight, request.user)
    initial = {"role": "participant"}
    if data.mine is not None:
        initial = {
            "role": data.mine.role,
            "idea_title": data.mine.idea_title,
            "idea_summary": data.mine.idea_summary,
            "slot": data.mine.slot,
        }
    managing = may_manage(request.user, twilight)
    context = {
        "twilight": twilight,
        "data": data,
        "now": timezone.now(),
        "managing": managing,
        "sign_up_form": sign_up_form or SignUpForm(initial=initial),
        "plan_form": plan_form
        or TablePlanForm(initial={"rounds": min(twilight.rounds, len(data.presenters) or 1)}),
        "order_shown": managing or twilight.has_started(),
    }
    return render(request, "events/twilights/twilight_detail.html", context, status=status)


@login_required
def twilight_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return render_twilight(request, selectors.twilight_or_404(request.user, pk))


@login_required
def twilight_ics(request: HttpRequest, pk: int) -> HttpResponse:
    twilight = selectors.twilight_or_404(request.user, pk)
    if twilight.has_ended():
        raise Http404("This twilight has happened: there is nothing to add to a calendar.")
    response = HttpResponse(twilight_calendar(twilight), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="twilight-{twilight.date}.ics"'
    return response
