"""Per-school fragments: what every member of a school's staff sees alike, rendered
once per school content version and kept in the cache (Redis in production).

A fragment's key holds the school, its content version (`hub.content`: read with
the school row every page loads, so a server that lost the cache, or another
server, never serves an old fragment), the fragment's name and whatever else it
depends on (week, page, filters, the minute for time-bound lists, the language).

A fragment holds only what every member of staff at that school may see. What
belongs to one person is filled in afterwards, from one small query:

- ``{% mine key %}A{% else %}B{% endmine %}`` (hub.templatetags.fragments) keeps
  both branches in the fragment between markers, and `personal` keeps the branch
  for this person's keys (their reactions, their sign-ups);
- the CSRF token is a placeholder in the fragment, replaced by this request's.

Anything role-dependent (moderator controls) stays outside the fragment, or the
role goes into its key.

``STAFFROOM_FRAGMENT_CACHE=0`` renders every fragment every time;
``STAFFROOM_FRAGMENT_STATS=1`` counts hits and misses per request
(`FragmentStatsMiddleware` sends them as ``X-Staffroom-Fragments``).
"""

import hashlib
import re
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from hub.ops.lost_cache import report_lost_cache

# Old versions are never read again (the key moves on); this only bounds memory.
FRAGMENT_SECONDS = 60 * 60
STATS_HEADER = "X-Staffroom-Fragments"
# NUL never survives form cleaning, so it cannot occur in rendered content.
CSRF_PLACEHOLDER = "\x00csrf\x00"
MINE_OPEN, MINE_ELSE, MINE_CLOSE = "<!--mine:{}-->", "<!--else-mine:{}-->", "<!--end-mine:{}-->"
_MINE_BLOCK = re.compile(
    r"<!--mine:([\w:.-]+)-->(.*?)<!--else-mine:\1-->(.*?)<!--end-mine:\1-->", re.DOTALL
)


@dataclass
class Fragment:
    """Rendered HTML (with per-person markers and the CSRF placeholder) and any
    small data the view needs to fill it in (e.g. which ideas it shows)."""

    html: str
    data: Any = None


@dataclass
class _Stats:
    hits: int = 0
    misses: int = 0


_stats: ContextVar[_Stats | None] = ContextVar("fragment_stats", default=None)


def _count(hit: bool) -> None:
    stats = _stats.get()
    if stats is not None:
        if hit:
            stats.hits += 1
        else:
            stats.misses += 1


def _key(school, name: str, parts: Iterable) -> str:
    described = repr((tuple(parts), translation.get_language()))
    digest = hashlib.sha256(described.encode()).hexdigest()[:24]
    return f"fragment:{name}:{school.pk}:{school.content_version}:{digest}"


def school_fragment(
    school,
    name: str,
    build: Callable[[], Fragment],
    *,
    parts: Iterable = (),
    seconds: int = FRAGMENT_SECONDS,
) -> Fragment:
    """The school's fragment `name` for `parts`, built by `build` on a miss.

    `build` runs the queries and renders: on a hit neither happens. When the cache
    cannot be reached the fragment is built and the page served as usual.
    """
    if not settings.STAFFROOM_FRAGMENT_CACHE or school is None:
        _count(hit=False)
        return build()
    key = _key(school, name, parts)
    try:
        found = cache.get(key)
    except Exception:
        report_lost_cache(f"the fragment {name} could not be read")
        _count(hit=False)
        return build()
    if found is not None:
        _count(hit=True)
        return found
    _count(hit=False)
    fragment = build()
    try:
        cache.set(key, fragment, seconds)
    except Exception:
        report_lost_cache(f"the fragment {name} could not be written")
    return fragment


def render_fragment(template_name: str, context: dict, request: HttpRequest) -> str:
    """Render a template as a school fragment: the CSRF token as a placeholder, and
    `{% mine %}` blocks keeping both branches for `personal` to choose from."""
    shared = {**context, "csrf_token": CSRF_PLACEHOLDER, "school_fragment": True}
    return render_to_string(template_name, shared, request=request)


def personal(fragment: Fragment, request: HttpRequest, mine: Iterable[str] = ()) -> SafeString:
    """The fragment's HTML for this person: their branch of each `{% mine %}` block
    (the first when its key is in `mine`) and this request's CSRF token."""
    keys = set(mine)
    html, chosen = fragment.html, 1
    while chosen:  # A kept branch may hold another choice ("I tried it" asks per job).
        html, chosen = _MINE_BLOCK.subn(
            lambda block: block.group(2) if block.group(1) in keys else block.group(3), html
        )
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, get_token(request))
    return mark_safe(html)  # noqa: S308 - rendered by our templates, autoescaped


class FragmentStatsMiddleware:
    """With STAFFROOM_FRAGMENT_STATS on, say how many fragments each response took
    from the cache (for bench/ scripts: `X-Staffroom-Fragments: hits=H misses=M`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.STAFFROOM_FRAGMENT_STATS:
            return self.get_response(request)
        stats = _Stats()
        reset = _stats.set(stats)
        try:
            response = self.get_response(request)
        finally:
            _stats.reset(reset)
        response[STATS_HEADER] = f"hits={stats.hits} misses={stats.misses}"
        return response
