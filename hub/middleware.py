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
