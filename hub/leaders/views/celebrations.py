from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from hub import moderation
from hub.access import contribution_model_or_404, get_moderatable_or_404, moderators_view_of
from hub.decorators import moderator_required
from hub.leaders import selectors
from hub.leaders.forms import CelebrateForm, DateRangeForm
from hub.lib.redirects import local_path
from hub.lib.terms import is_whole_term, range_label
from hub.models import NoticeKind
from hub.notifications import notify

CELEBRATIONS_PER_PAGE = 20


@moderator_required
def celebrate_contribution(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    model = contribution_model_or_404(kind)
    item = get_moderatable_or_404(moderators_view_of(model), request.user, pk=pk)
    first_time = not item.is_celebrated
    form = CelebrateForm(request.POST or None, initial={"note": item.celebration_note})
    if request.method == "POST" and form.is_valid():
        try:
            moderation.celebrate(item, actor=request.user, note=form.cleaned_data["note"])
        except moderation.TransitionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            if first_time:
                _tell_authors(item, by=request.user)
            messages.success(
                request, f"Celebrated “{item.moderation_title()}”. It is on the Celebration wall."
            )
        return redirect(_next_url(request))
    return render(request, "hub/leaders/celebrate.html", {"form": form, "item": item})


def _tell_authors(item, *, by) -> None:
    """The author and any co-authors (a scrapbook article's) hear of a first celebration."""
    co_authors = list(item.co_authors.all()) if hasattr(item, "co_authors") else []
    for person in {item.author, *co_authors}:
        if person.pk != by.pk:
            notify(
                recipient=person,
                kind=NoticeKind.CELEBRATED,
                target=item,
                email_template="celebrated",
                context={"item": item, "title": item.moderation_title(), "by": by},
            )


def _next_url(request: HttpRequest) -> str:
    return local_path(request, request.POST.get("next", "")) or reverse("hub:celebrations")


@login_required
def celebrations(request: HttpRequest) -> HttpResponse:
    """The Celebration wall: celebrated contributions of every kind, newest first."""
    index = selectors.celebrated_index(request.user)
    page = Paginator(index, CELEBRATIONS_PER_PAGE).get_page(request.GET.get("page"))
    items = selectors.load_celebrated(page.object_list)
    return render(request, "hub/leaders/celebrations.html", {"page": page, "celebrated": items})


@moderator_required
def term_summary(request: HttpRequest) -> HttpResponse:
    """ "This term 34 of 41 staff shared something", everyone named, printable."""
    school = request.user.school
    term = school.term_on(timezone.localdate(timezone=school.zone))
    form = DateRangeForm.for_term(request.GET, term)
    start, end = form.dates()
    is_term = (start, end) == (term.first_day, term.last_day) or is_whole_term(start, end)
    summary = selectors.term_summary(school, start, end)
    context = {
        "form": form,
        "summary": summary,
        "period": term.label
        if (start, end) == (term.first_day, term.last_day)
        else range_label(start, end),
        "is_term": is_term,
    }
    return render(request, "hub/leaders/term_summary.html", context)
