"""A person's secret calendar feed of the lunches they attend or present at."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from events.lunches import selectors, services
from events.lunches.calendar import lunches_calendar
from events.lunches.models import CalendarFeed, hash_token

FEED_HISTORY = dt.timedelta(days=90)
SESSION_KEY = "events_new_feed_token"


@login_required
def my_calendar(request: HttpRequest) -> HttpResponse:
    # The token exists in clear only here, once, right after it was made.
    token = request.session.pop(SESSION_KEY, None)
    feed_url = None
    if token:
        feed_url = request.build_absolute_uri(reverse("events:calendar_feed", args=[token]))
    context = {
        "has_feed": CalendarFeed.objects.filter(staff=request.user).exists(),
        "feed_url": feed_url,
    }
    return render(request, "events/lunches/my_calendar.html", context)


@require_POST
@login_required
def reset_calendar_feed(request: HttpRequest) -> HttpResponse:
    request.session[SESSION_KEY] = services.reset_calendar_feed(staff=request.user)
    messages.success(request, "Here is your new feed address. Any older one no longer works.")
    return redirect("events:my_calendar")


@require_POST
@login_required
def revoke_calendar_feed(request: HttpRequest) -> HttpResponse:
    services.revoke_calendar_feed(staff=request.user)
    messages.success(request, "Your calendar feed is switched off.")
    return redirect("events:my_calendar")


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """No sign-in (calendar apps can't): the secret token is the key; a wrong one is a 404."""
    feed = (
        CalendarFeed.objects.select_related("staff", "staff__school")
        .filter(token_hash=hash_token(token), staff__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404("No such calendar feed.")
    lunches = selectors.calendar_lunches_for(feed.staff, since=timezone.now() - FEED_HISTORY)
    school = feed.staff.school
    body = lunches_calendar(lunches, name=f"Learning lunches · {school}", school=school)
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")
