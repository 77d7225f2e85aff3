"""Small helpers the board's views share."""

from django.http import HttpRequest
from django.shortcuts import resolve_url

from hub.lib.dates import day_from_text
from hub.lib.redirects import local_path
from hub.lib.weeks import Week
from ideas.board.selectors import current_week


def week_from(request: HttpRequest) -> Week:
    """The week asked for in ?week=YYYY-MM-DD, never later than this week."""
    this_week = current_week(request.user.school)
    asked = day_from_text(request.GET.get("week", ""))
    if asked is None:
        return this_week
    return min(Week.containing(asked), this_week, key=lambda week: week.monday)


def next_url(request: HttpRequest, fallback: str, *args) -> str:
    """Where a plain (JavaScript-off) form returns to: its own page if safe, else `fallback`."""
    return local_path(request, request.POST.get("next", "")) or resolve_url(fallback, *args)
