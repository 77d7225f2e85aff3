"""A short-lived cache of each person's own main pages.

A page is cached for the person who asked for it, under:

- who they are (the page was rendered for them alone: their role, their own
  drafts and reactions, their notifications);
- the full path with its query string;
- the content version tokens of their school and of everyone
  (`hub.ops.content_versions`), read before the page is rendered, so any write
  since makes the page unreachable;
- the current minute, so anything that depends on the time (this week, the
  Thinking Thursday question at 07:00, a lunch that has started) is never more
  than a minute late, and an entry lives for a minute at most.

A write by a member of the school is seen at once, by everyone; work another
school shares with the network shows up within a minute.

Nothing that belongs to one request is kept: the CSRF token is cut out when a
page is stored and the current one is put back when it is served. Requests
with flash messages waiting, htmx fragments and anything but a 200 HTML answer
are never cached.

Off unless ``STAFFROOM_PAGE_CACHE`` is on; it needs a cache that every web
process and the worker share (Redis, `REDIS_URL`), or a single process.
"""

import hashlib
import re
import zlib
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from hub.ops.content_versions import current_tokens
from hub.ops.lost_cache import report_lost_cache

ENTRY_SECONDS = 60
CACHE_HEADER = "X-Staffroom-Cache"
# NUL never survives form cleaning, so it cannot occur in a rendered page.
_CSRF_PLACEHOLDER = "\x00csrf\x00"
_CSRF_TOKENS = re.compile(
    r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"|"X-CSRFToken": "([A-Za-z0-9]+)"'
)


def _viewer_may_use_cache(request: HttpRequest) -> bool:
    user = request.user
    return (
        settings.STAFFROOM_PAGE_CACHE
        and request.method == "GET"
        and user.is_authenticated
        and user.school_id is not None
        and "HX-Request" not in request.headers
        # Waiting messages belong in this answer; it is rendered afresh.
        and not len(get_messages(request))
    )


def _page_key(request: HttpRequest) -> str:
    school_token, everyone_token = current_tokens(request.user.school_id)
    minute = timezone.now().strftime("%Y%m%d%H%M")
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{request.user.pk}:{school_token}:{everyone_token}:{minute}:{path}"


def _entry_from(request: HttpRequest, response: HttpResponse) -> bytes | None:
    """The stored form of a response, or None when it must not be kept."""
    if (
        response.status_code != 200
        or response.streaming
        or not response.get("Content-Type", "").startswith("text/html")
        or response.cookies
        or response.has_header("Content-Disposition")
        or get_messages(request).used
    ):
        return None
    html = response.content.decode(response.charset)
    if "nonce=" in html:
        return None
    for token in {a or b for a, b in _CSRF_TOKENS.findall(html)}:
        html = html.replace(token, _CSRF_PLACEHOLDER)
    return zlib.compress(html.encode(), 1)


def _response_from(request: HttpRequest, entry: bytes) -> HttpResponse:
    html = zlib.decompress(entry).decode()
    if _CSRF_PLACEHOLDER in html:
        html = html.replace(_CSRF_PLACEHOLDER, get_token(request))
    response = HttpResponse(html)
    response[CACHE_HEADER] = "hit"
    return response


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve this GET view from the viewer's page cache (after the access checks)."""

    @wraps(view)
    def serve(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _viewer_may_use_cache(request):
            return view(request, *args, **kwargs)
        try:
            key = _page_key(request)
            entry = cache.get(key)
        except Exception:
            # The cache is down: render the page as if there were none.
            report_lost_cache("the page cache could not be read")
            return view(request, *args, **kwargs)
        if entry is not None:
            return _response_from(request, entry)
        response = view(request, *args, **kwargs)
        entry = _entry_from(request, response)
        if entry is not None:
            try:
                cache.set(key, entry, ENTRY_SECONDS)
            except Exception:
                report_lost_cache("the page cache could not be written")
            else:
                response[CACHE_HEADER] = "miss"
        return response

    return serve
