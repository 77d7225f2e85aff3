from hub.access import may_change_school_settings


def unread_notifications(request) -> int:
    """The navigation badge's count, counted once per request (one indexed COUNT):
    the page's ETag (hub.decorators.school_page) and the header share it."""
    if not hasattr(request, "_unread_notifications"):
        user = getattr(request, "user", None)
        count = 0
        if user is not None and user.is_authenticated:
            from hub.models import Notification

            count = Notification.objects.for_recipient(user).unread().count()
        request._unread_notifications = count
    return request._unread_notifications


def navigation(request) -> dict:
    """What the navigation bar needs to decide which links to show."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "nav_is_moderator": signed_in and user.is_moderator,
        "nav_is_school_admin": signed_in and user.is_school_admin,
        "nav_may_change_settings": signed_in and may_change_school_settings(user),
        # Templates call it, so the count runs only on pages that show the header.
        "nav_unread_notifications": lambda: unread_notifications(request),
    }
