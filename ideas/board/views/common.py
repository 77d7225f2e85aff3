"""Small helpers the board's views share."""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import resolve_url

from hub.lib.redirects import local_path
from hub.lib.weeks import Week
from ideas.board.selectors import current_week


def week_from(request: HttpRequest) -> Week:
    """The week asked for in ?week=YYYY-MM-DD, never later than this week."""
    this_week = current_week(request.user.school)
    try:
        asked = Week.containing(date.fromisoformat(request.GET.get("week", "")))
    except ValueError:
        return this_week
    return min(asked, this_week, key=lambda week: week.monday)


def next_url(request: HttpRequest, fallback: str, *args) -> str:
    """Where a plain (JavaScript-off) form returns to: its own page if safe, else `fallback`."""
    return local_path(request, request.POST.get("next", "")) or resolve_url(fallback, *args)
