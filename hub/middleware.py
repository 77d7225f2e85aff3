import zoneinfo

from django.utils import timezone

from hub.ops.content_versions import request_in_progress


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
