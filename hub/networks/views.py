"""Networks that people run: my school's networks, a network's home, joining
(asked or invited, then answered), leaving, and its leads."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from hub.access import may_change_school_settings, require_school_settings_editor
from hub.directory.access import is_school_leader
from hub.models import JoinRequest, Network, School
from hub.networks import selectors, services
from hub.networks.access import leads_network, led_network_or_404, network_or_404
from hub.networks.forms import AddLeadForm, AnswerForm, NetworkSearchForm, NoteForm


@login_required
def networks(request: HttpRequest) -> HttpResponse:
    person = request.user
    context = {
        "networks": selectors.my_networks(person),
        "waiting": selectors.waiting_for_school(person.school_id)
        if may_change_school_settings(person)
        else [],
        "may_join": may_change_school_settings(person),
        "is_leader": is_school_leader(person),
    }
    return render(request, "hub/networks/networks.html", context)


@login_required
def find_networks(request: HttpRequest) -> HttpResponse:
    require_school_settings_editor(request.user)
    form = NetworkSearchForm(request.GET or None)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    school_id = request.user.school_id
    context = {
        "form": form,
        "query": query,
        "networks": selectors.findable_networks(school_id=school_id, query=query)[:50],
        "waiting_ids": selectors.waiting_network_ids(school_id),
        "note_form": NoteForm(),
    }
    return render(request, "hub/networks/find.html", context)


@login_required
@require_POST
def ask_to_join(request: HttpRequest, pk: int) -> HttpResponse:
    require_school_settings_editor(request.user)
    # Any network may be asked: the list to ask from shows them all (names only).
    network = get_object_or_404(Network, pk=pk)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["message"][0])
        return redirect("hub:find_networks")
    try:
        join_request, made = services.ask_to_join(
            network=network,
            school=request.user.school,
            by=request.user,
            message=form.cleaned_data["message"],
        )
    except services.AlreadyMember:
        messages.info(request, f"Your school is already in {network.name}.")
        return redirect(network)
    if made:
        messages.success(request, f"Asked. {network.name}’s leads have been told.")
    else:
        messages.info(request, "There is already an open question between you: here it is.")
    return redirect(join_request)


@login_required
def network_home(request: HttpRequest, pk: int) -> HttpResponse:
    network = network_or_404(request.user, pk)
    context = selectors.network_home(network, request.user)
    return render(request, "hub/networks/home.html", context)


def _join_request_or_404(person, pk: int) -> JoinRequest:
    """Seen by the network's leads and the school's staff; 403 for staff of the school
    who do not answer for it; 404 for everyone else."""
    join_request = (
        JoinRequest.objects.select_related("network", "school", "made_by", "answered_by")
        .filter(pk=pk)
        .first()
    )
    if join_request is None:
        raise Http404("No such request.")
    if leads_network(person, join_request.network):
        return join_request
    if person.school_id != join_request.school_id:
        raise Http404("No such request.")
    if not may_change_school_settings(person):
        raise PermissionDenied("This is for your school's admins and head.")
    return join_request


@login_required
@require_http_methods(["GET", "POST"])
def join_request_page(request: HttpRequest, pk: int) -> HttpResponse:
    join_request = _join_request_or_404(request.user, pk)
    may_answer = join_request.is_waiting and services.may_answer(request.user, join_request)
    form = AnswerForm(request.POST or None)
    if request.method == "POST":
        if not services.may_answer(request.user, join_request):
            raise PermissionDenied("This is for the other side to answer.")
        if form.is_valid():
            answered = services.answer_join_request(
                join_request=join_request,
                by=request.user,
                accept=form.accepted,
                note=form.cleaned_data["note"],
            )
            if not answered:
                messages.info(request, "This was already answered: nothing changed.")
            elif form.accepted:
                messages.success(request, f"Accepted: {join_request.school.name} is in.")
            else:
                messages.success(request, "Declined. They have been told.")
            return redirect(join_request)
    context = {"join_request": join_request, "form": form, "may_answer": may_answer}
    return render(request, "hub/networks/join_request.html", context)


@login_required
@require_POST
def invite_school(request: HttpRequest, pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, pk)
    school_id = request.POST.get("school", "")
    if not school_id.isdigit():
        raise Http404("No such school.")
    school = get_object_or_404(School, pk=school_id)
    form = NoteForm(request.POST)
    back = request.POST.get("next", "")
    if not form.is_valid():
        messages.error(request, form.errors["message"][0])
        return redirect("hub:find_schools", pk=network.pk)
    try:
        join_request, made = services.invite_school(
            network=network, school=school, by=request.user, message=form.cleaned_data["message"]
        )
    except services.AlreadyMember:
        messages.info(request, f"{school.name} is already in {network.name}.")
        return redirect(network)
    if made:
        messages.success(request, f"Invited. {school.name}’s admins and head have been told.")
    else:
        messages.info(request, f"There is already an open question with {school.name}.")
    if back == "similar":
        return redirect("hub:schools_like_ours")
    return redirect(join_request)


@login_required
@require_http_methods(["GET", "POST"])
def leave_network(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        network = network_or_404(request.user, pk)
        school = request.user.school
        if not network.schools.filter(pk=school.pk).exists():
            raise Http404("Your school is not in this network.")
    except Http404:
        if request.method == "POST" and selectors.school_left(request.user, pk):
            # A second click on "Yes, leave": the first one left.
            messages.info(request, "Your school is not in that network any more.")
            return redirect("hub:networks")
        raise
    require_school_settings_editor(request.user)
    if request.method == "POST":
        services.leave_network(network=network, school=school, by=request.user)
        messages.success(request, f"{school.name} has left {network.name}.")
        return redirect("hub:networks")
    return render(request, "hub/networks/leave.html", {"network": network, "school": school})


@login_required
@require_http_methods(["GET", "POST"])
def network_leads(request: HttpRequest, pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, pk)
    form = AddLeadForm(request.POST or None, candidates=selectors.lead_candidates(network))
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["email"]
        if services.add_lead(network=network, person=person, by=request.user):
            messages.success(
                request, f"{person.name} now leads {network.name}. They have been told."
            )
        else:
            messages.info(request, f"{person.name} already leads {network.name}.")
        return redirect("hub:network_leads", pk=network.pk)
    leads = network.leads.select_related("school").order_by("full_name")
    return render(
        request, "hub/networks/leads.html", {"network": network, "leads": leads, "form": form}
    )


@login_required
@require_POST
def remove_lead(request: HttpRequest, pk: int, staff_pk: int) -> HttpResponse:
    network = led_network_or_404(request.user, pk)
    person = network.leads.filter(pk=staff_pk).first()
    if person is None:  # A second click: they were taken off already.
        messages.info(request, "They no longer lead the network.")
        return redirect("hub:network_leads", pk=network.pk)
    try:
        services.remove_lead(network=network, person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("hub:network_leads", pk=network.pk)
    messages.success(request, f"{person.name} no longer leads {network.name}.")
    if person.pk == request.user.pk:
        return redirect(network)
    return redirect("hub:network_leads", pk=network.pk)
