"""Small helpers the board's views share."""

from datetime import date

from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme

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
    candidate = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(fallback, *args)
