from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.messages import get_messages
from django.http import HttpRequest
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.crypto import salted_hmac
from django.views.decorators.http import condition

from hub.access import require_moderator, require_school_admin, require_school_settings_editor
from hub.context_processors import unread_notifications


def moderator_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_moderator(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def school_admin_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_school_admin(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def school_settings_editor_required(view: Callable) -> Callable:
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        require_school_settings_editor(request.user)
        return view(request, *args, **kwargs)

    return wrapper


def _school_page_etag(request: HttpRequest, *args, **kwargs) -> str | None:
    """What a main page depends on besides its URL: the school's content version, the
    person (and their session, whose CSRF token the page carries), their unread
    notifications (the navigation badge) and the minute (this week, a lunch that has
    started). None, so no 304, while flash messages wait to be shown."""
    user = request.user
    if not user.is_authenticated or user.school_id is None or len(get_messages(request)):
        return None
    school = user.school
    unread = unread_notifications(request)
    described = "|".join(
        str(part)
        for part in (
            request.get_full_path(),
            school.pk,
            school.content_version,
            user.pk,
            request.session.session_key,
            unread,
            timezone.now().strftime("%Y%m%d%H%M"),
            "HX-Request" in request.headers,
        )
    )
    # Keyed with the secret and the URL: the ETag is checked before the view looks the
    # object up, so nobody may make one that answers 304 for a page they cannot open.
    return salted_hmac("hub.school_page", described).hexdigest()[:32]


def school_page(view: Callable) -> Callable:
    """A main page that answers a repeat visit with `304 Not Modified` when nothing
    it shows has changed (ETag: `_school_page_etag`). Browsers keep it privately and
    ask again every time (`Cache-Control: private, no-cache`)."""
    conditional = condition(etag_func=_school_page_etag)(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if response.has_header("ETag"):
            patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapper
