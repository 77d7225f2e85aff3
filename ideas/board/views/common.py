"""Small helpers the board's views share."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import resolve_url
from django.utils import timezone

from hub.lib.dates import day_from_text
from hub.lib.links import pk_link
from hub.lib.redirects import local_path
from hub.lib.weeks import Week
from ideas.board.models import Idea
from ideas.board.selectors import add_reactions, current_week


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


class CountedBy:
    """A queryset for Paginator that is counted by a cheaper one with the same rows (the
    rows without their annotations), and sliced as itself."""

    ordered = True

    def __init__(self, rows: QuerySet, *, counter: QuerySet):
        self.rows, self.counter = rows, counter

    def count(self) -> int:
        return self.counter.count()

    def __getitem__(self, index):
        return self.rows[index]


def as_cards(ideas: Iterable[Idea], viewer) -> list[Idea]:
    """Ideas fetched with selectors.with_board_details, ready for _idea_card.html: their
    counts and the viewer's reactions (selectors.add_reactions), and their links and date
    made here, once per page, rather than by {% url %} tags and |date filters per card."""
    detail, react = pk_link("ideas:idea_detail"), pk_link("ideas:react")
    ideas = add_reactions(list(ideas), viewer)
    for idea in ideas:
        idea.detail_url, idea.react_url = detail(idea.pk), react(idea.pk)
        posted = timezone.localtime(idea.created_at)
        idea.posted_iso = posted.strftime("%Y-%m-%dT%H:%M:%S%z")
        idea.posted_label = f"{posted:%a} {posted.day} {posted:%b}"
    return ideas
