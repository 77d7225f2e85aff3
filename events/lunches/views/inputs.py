"""Volunteering a five-minute input, adding its resources, and posting takeaways."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods, require_POST

from events.lunches import selectors, services
from events.lunches.forms import InputForm, ResourcesForm, TakeawayFollowUpForm, TakeawayForm
from events.lunches.models import Input, Lunch, Takeaway
from events.lunches.views.lunches import render_lunch
from hub.access import get_editable_or_404, get_visible_or_404
from hub.networks.sharing import offer_visibility


@login_required
def volunteer_input(request: HttpRequest, pk: int) -> HttpResponse:
    lunch = get_visible_or_404(Lunch.objects.select_related("school"), request.user, pk=pk)
    form = InputForm(request.POST or None, request.FILES or None, initial=_offered(request))
    offer_visibility(form, lunch.school)
    if request.method == "POST" and form.is_valid():
        try:
            services.volunteer_input(lunch_id=lunch.pk, author=request.user, **form.cleaned_data)
        except services.LunchRefused as refusal:
            messages.error(request, str(refusal))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, "Thank you! A moderator will confirm your input and you'll see it here."
            )
            return redirect(lunch)
    return render(request, "events/lunches/input_form.html", {"form": form, "lunch": lunch})


def _offered(request: HttpRequest) -> dict:
    """A title and summary offered in the query string (from an idea taken further).

    Only a suggestion in the form's fields, cut to their limits; the person still
    reads, edits and sends it, so nothing arrives this way unchecked.
    """
    return {
        "title": request.GET.get("title", "")[: Input._meta.get_field("title").max_length],
        "summary": request.GET.get("summary", "")[: Input._meta.get_field("summary").max_length],
    }


@login_required
def offer_input(request: HttpRequest) -> HttpResponse:
    """To the input form of the next lunch with a free slot, carrying the offered text."""
    lunch = selectors.next_lunch_with_a_free_input_slot(request.user)
    if lunch is None:
        return render(request, "events/lunches/no_lunch_for_input.html")
    offered = urlencode({key: value for key, value in _offered(request).items() if value})
    path = reverse("events:volunteer_input", args=[lunch.pk])
    return redirect(f"{path}?{offered}" if offered else path)


@login_required
def add_resources(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_editable_or_404(Input.objects.select_related("lunch"), request.user, pk=pk)
    form = ResourcesForm(request.POST or None, request.FILES or None, instance=item)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.add_resources(item=item, link=data["link"], notes=data["notes"], file=data["file"])
        messages.success(request, "Thanks: colleagues can now find your slides and notes.")
        return redirect(item.lunch)
    context = {"form": form, "item": item, "lunch": item.lunch}
    return render(request, "events/lunches/resources_form.html", context)


@require_POST
@login_required
def add_takeaway(request: HttpRequest, pk: int) -> HttpResponse:
    lunch = get_visible_or_404(Lunch.objects.select_related("school"), request.user, pk=pk)
    form = TakeawayForm(request.POST)
    if not form.is_valid():
        return render_lunch(request, lunch, takeaway_form=form, status=400)
    try:
        services.add_takeaway(lunch=lunch, author=request.user, text=form.cleaned_data["text"])
    except services.LunchRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, "Thanks for sharing what you took away.")
    return redirect(f"{lunch.get_absolute_url()}#takeaways")


@login_required
def download_input_file(request: HttpRequest, pk: int) -> FileResponse:
    """Slides and handouts may show pupils' work: served only to people who may see the input."""
    item = get_visible_or_404(Input.objects.exclude(file=""), request.user, pk=pk)
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.file_name)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def takeaway_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    """ "How did it go?" about the one thing you said you would try after a lunch."""
    takeaway = get_editable_or_404(Takeaway.objects.select_related("lunch"), request.user, pk=pk)
    form = TakeawayFollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        follow_up = services.takeaway_follow_up_answer(
            takeaway=takeaway,
            person=request.user,
            answer=form.cleaned_data["answer"],
            reflection=form.cleaned_data["reflection"],
        )
        if follow_up.reflection:
            messages.success(request, "Thank you. Colleagues see how it went under your takeaway.")
        else:
            messages.success(request, "No problem: we won’t ask about this one again.")
        return redirect(f"{takeaway.lunch.get_absolute_url()}#takeaway-{takeaway.pk}")
    context = {"takeaway": takeaway, "form": form}
    status = 400 if form.is_bound else 200
    return render(request, "events/lunches/takeaway_follow_up.html", context, status=status)
