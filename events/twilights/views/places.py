"""Signing up to present or take part, cancelling, and "Which idea will you try?"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from events.twilights import selectors, services
from events.twilights.forms import ChooseIdeaForm, SignUpForm
from events.twilights.models import PlaceState, TwilightRole
from events.twilights.views.twilights import render_twilight


@require_POST
@login_required
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    twilight = selectors.twilight_or_404(request.user, pk)
    form = SignUpForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please check your sign-up: see the notes below.")
        return render_twilight(request, twilight, sign_up_form=form, status=400)
    try:
        entry = services.sign_up(twilight_id=twilight.pk, staff=request.user, **form.cleaned_data)
    except services.TwilightRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(f"{twilight.get_absolute_url()}#sign-up")
    except ValidationError as error:  # what the form let through, the model refused
        form.add_error(None, error)
        messages.error(request, "Please check your sign-up: see the notes below.")
        return render_twilight(request, twilight, sign_up_form=form, status=400)
    if entry.state == PlaceState.WAITLISTED:
        messages.info(
            request,
            "This twilight is full, so you're on the waitlist. We'll tell you the moment "
            "a place comes free.",
        )
    elif entry.role == TwilightRole.PRESENTER:
        messages.success(request, "You're presenting! Thank you for sharing your idea.")
    else:
        messages.success(request, "You're coming! Thanks for signing up.")
    return redirect(f"{twilight.get_absolute_url()}#sign-up")


@require_POST
@login_required
def cancel_sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    twilight = selectors.twilight_or_404(request.user, pk)
    try:
        services.cancel_sign_up(twilight_id=twilight.pk, staff=request.user)
    except services.TwilightRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "You've cancelled. Thank you for letting us know.")
    return redirect(f"{twilight.get_absolute_url()}#sign-up")


@login_required
def twilight_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Which idea will you try?": for those who took part, once the evening is over."""
    twilight = selectors.twilight_or_404(request.user, pk)
    data = selectors.twilight_page(twilight, request.user)
    mine = data.mine
    if mine is None or mine.is_presenter or mine.state != PlaceState.CONFIRMED:
        return render(
            request,
            "events/twilights/follow_up.html",
            {"twilight": twilight, "form": None, "now": timezone.now()},
        )
    form = ChooseIdeaForm(
        request.POST if request.method == "POST" else None,
        presenters=data.presenters,
        initial={"idea": mine.will_try_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.choose_idea_to_try(
                twilight_id=twilight.pk,
                staff=request.user,
                presenter_sign_up_id=form.cleaned_data["idea"],
            )
        except services.TwilightRefused as refusal:
            messages.error(request, str(refusal))
        except ValidationError as error:
            form.add_error("idea", error.message_dict.get("idea", error.messages))
        else:
            messages.success(request, "Saved. Good luck trying it: tell the network how it goes!")
            return redirect("events:twilight_follow_up", pk=twilight.pk)
    context = {
        "twilight": twilight,
        "form": form,
        "mine": mine,
        "presenters": data.presenters,
        "open": bool(twilight.followed_up_at),
        "now": timezone.now(),
    }
    return render(request, "events/twilights/follow_up.html", context)
