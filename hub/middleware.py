import zoneinfo

from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode

from hub.lib.text import drop_control_characters
from hub.ops.content_versions import request_in_progress

# Bodies whose fields Django parses into request.POST.
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _without_control_characters(query: QueryDict) -> QueryDict:
    pairs = [(key, value) for key, values in query.lists() for value in values]
    cleaned = [
        (drop_control_characters(key), drop_control_characters(value)) for key, value in pairs
    ]
    if cleaned == pairs:
        return query
    # Built from a query string, so it is as immutable as the one Django made.
    return QueryDict(urlencode(cleaned), encoding=query.encoding)


class ControlCharacterMiddleware:
    """Drop control characters from every query-string value and form field, once, here.

    A NUL byte in `?q=` or in a moderator's feedback made PostgreSQL refuse the query
    (a 500, the typed text lost); no view needs to think about them again.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.GET = _without_control_characters(request.GET)
        if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
            request.POST = _without_control_characters(request.POST)
        return self.get_response(request)


class SchoolTimezoneMiddleware:
    """Show times in the signed-in person's school time zone (stored in UTC)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        school = getattr(user, "school", None) if user and user.is_authenticated else None
        if school is not None:
            timezone.activate(zoneinfo.ZoneInfo(school.time_zone))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class ContentWriterMiddleware:
    """Tell `hub.ops.content_versions` whose request is writing (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_in_progress(request):
            return self.get_response(request)
