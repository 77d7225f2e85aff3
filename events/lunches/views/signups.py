"""Signing up with a plate, cancelling, and one's own dietary needs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from events.lunches import services
from events.lunches.forms import DietaryNeedsForm, SignUpForm
from events.lunches.models import DietaryNeeds, Lunch, SignUpState
from events.lunches.views.lunches import render_lunch
from hub.access import get_visible_or_404


@require_POST
@login_required
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    lunch = get_visible_or_404(Lunch.objects.select_related("school"), request.user, pk=pk)
    form = SignUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please check what you'll bring: see the notes below.")
        return render_lunch(request, lunch, sign_up_form=form, status=400)
    try:
        entry = services.sign_up(lunch_id=lunch.pk, staff=request.user, **form.cleaned_data)
    except services.LunchRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(lunch)
    if entry.state == SignUpState.CONFIRMED:
        messages.success(request, "You're coming! Thanks for signing up.")
    else:
        messages.info(
            request,
            "This lunch is full, so you're on the waitlist. We'll email you the moment "
            "a place comes free.",
        )
    return redirect(f"{lunch.get_absolute_url()}#sign-up")


@require_POST
@login_required
def cancel_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    lunch = get_visible_or_404(Lunch.objects.all(), request.user, pk=pk)
    try:
        services.cancel_sign_up(lunch_id=lunch.pk, staff=request.user)
    except services.LunchRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "You've cancelled. Your place has gone to the next person.")
    return redirect(lunch)


@login_required
def dietary_needs(request: HttpRequest) -> HttpResponse:
    needs = DietaryNeeds.objects.filter(staff=request.user).first()
    form = DietaryNeedsForm(request.POST or None, instance=needs)
    if request.method == "POST" and form.is_valid():
        services.save_dietary_needs(staff=request.user, text=form.cleaned_data["text"])
        messages.success(request, "Saved. The lunch organisers will see this.")
        return redirect("events:dietary_needs")
    return render(request, "events/lunches/dietary_needs.html", {"form": form})
