from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required

from hub.access import require_moderator, require_school_admin, require_school_settings_editor


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
