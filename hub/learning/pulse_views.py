"""The termly needs pulse: moderators open and close it, everyone answers in a minute."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hub.access import get_moderatable_or_404, require_moderator
from hub.learning import services
from hub.learning.forms import CloseForm, PulseAnswerForm, PulseForm
from hub.learning.pulse_results import SMALLEST_GROUP, pulse_results
from hub.models import Pulse, PulseAnswer
from hub.registry import topic_actions

PULSES_LISTED = 20


def _pulse_or_404(request: HttpRequest, pk: int) -> Pulse:
    """A pulse of the person's own school; another school's answers 404."""
    if request.user.school_id is None:
        raise Http404("No pulse found.")
    try:
        return Pulse.objects.get(pk=pk, school_id=request.user.school_id)
    except Pulse.DoesNotExist:
        raise Http404("No pulse found.") from None


@login_required
def pulses(request: HttpRequest) -> HttpResponse:
    if request.user.school_id is None:
        raise PermissionDenied("Pulses are for a school's staff.")
    listed = list(Pulse.objects.filter(school_id=request.user.school_id)[:PULSES_LISTED])
    answered = set(
        PulseAnswer.objects.filter(staff_id=request.user.pk, pulse__in=listed).values_list(
            "pulse_id", flat=True
        )
    )
    return render(request, "hub/learning/pulses.html", {"pulses": listed, "answered": answered})


@login_required
def open_pulse(request: HttpRequest) -> HttpResponse:
    require_moderator(request.user)
    form = PulseForm(
        request.POST if request.method == "POST" else None, initial={"is_anonymous": True}
    )
    if request.method == "POST" and form.is_valid():
        try:
            pulse = services.pulse_open(
                school=request.user.school,
                created_by=request.user,
                question=form.cleaned_data["question"],
                topics=form.cleaned_data["topics_text"],
                is_anonymous=form.cleaned_data["is_anonymous"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "The pulse is open: every colleague has been told.")
            return redirect("hub:pulse_results", pk=pulse.pk)
    return render(request, "hub/learning/pulse_form.html", {"form": form})


@login_required
def pulse_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The one short form a notification leads to; after closing, what was chosen."""
    pulse = _pulse_or_404(request, pk)
    mine = PulseAnswer.objects.filter(pulse=pulse, staff_id=request.user.pk).first()
    initial = {"topics": mine.topics, "text": mine.text} if mine else None
    form = PulseAnswerForm(
        request.POST if request.method == "POST" else None, pulse=pulse, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.pulse_answer(
                pulse=pulse,
                staff=request.user,
                topics=form.cleaned_data["topics"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Thank you: your answer is in.")
            return redirect(pulse)
    context = {"pulse": pulse, "form": form, "mine": mine}
    return render(request, "hub/learning/pulse_detail.html", context)


@login_required
def pulse_results_page(request: HttpRequest, pk: int) -> HttpResponse:
    pulse = get_moderatable_or_404(Pulse.objects.all(), request.user, pk=pk)
    results = pulse_results(pulse)
    for topic in results.topics:
        topic.links = _actions_for(request.user, topic.topic)
    context = {
        "pulse": pulse,
        "results": results,
        "smallest_group": SMALLEST_GROUP,
        "close_form": CloseForm(),
    }
    return render(request, "hub/learning/pulse_results.html", context)


def _actions_for(viewer, topic: str) -> list[dict]:
    links = []
    for action in topic_actions():
        url = action.url_for(viewer, topic)
        if url:
            links.append({"label": action.label, "url": url})
    return links


@login_required
def close_pulse(request: HttpRequest, pk: int) -> HttpResponse:
    pulse = get_moderatable_or_404(Pulse.objects.all(), request.user, pk=pk)
    form = CloseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if services.pulse_close(pulse=pulse, outcome=form.cleaned_data["outcome"]):
            messages.success(request, "The pulse is closed: everyone is told what you chose.")
        else:
            messages.info(request, "This pulse was already closed.")
        return redirect("hub:pulse_results", pk=pulse.pk)
    return render(request, "hub/learning/pulse_close.html", {"pulse": pulse, "form": form})
