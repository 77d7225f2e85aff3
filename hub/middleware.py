import zoneinfo

from django.db import OperationalError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import urlencode

from hub.lib.text import drop_control_characters

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


# What a download is, besides anything sent as an attachment: a file of data about
# people (a calendar feed is fetched by a calendar app, not saved by a browser).
DATA_TYPES = (
    "text/csv",
    "text/calendar",
    "application/zip",
    "application/pdf",
    "application/vnd.openxmlformats",
)


class PrivateDownloadMiddleware:
    """Every download (my data, exports, CSVs, calendars, slides) answers
    `Cache-Control: private, no-store`: no shared proxy and no browser cache on a
    shared staffroom computer keeps a copy. One rule here, so a new export cannot forget it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        disposition = response.get("Content-Disposition", "")
        content_type = response.get("Content-Type", "")
        if disposition.startswith("attachment") or content_type.startswith(DATA_TYPES):
            response["Cache-Control"] = "private, no-store"
        return response


# PostgreSQL's lock_not_available (lock_timeout) and query_canceled (statement_timeout).
BUSY_SQLSTATES = {"55P03", "57014"}
RETRY_AFTER_SECONDS = 5


def is_busy_database(error: BaseException) -> bool:
    """A wait the database gave up (hub.settings.DATABASE_TIMEOUTS), not a broken query."""
    if not isinstance(error, OperationalError):
        return False
    if getattr(error.__cause__, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    return "database is locked" in str(error)  # SQLite's busy timeout


class BusyDatabaseMiddleware:
    """Answer a lock or statement timeout with "busy, try again" (503), not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy_database(exception):
            return None
        response = TemplateResponse(request, "503_busy.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response.render()
