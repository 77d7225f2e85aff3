from functools import cache

from hub.access import may_change_school_settings


def navigation(request) -> dict:
    """What the navigation bar needs to decide which links to show."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)

    # Templates call it, so the one indexed COUNT runs only on pages that show the header.
    @cache
    def unread_notifications() -> int:
        if not signed_in:
            return 0
        from hub.models import Notification

        return Notification.objects.for_recipient(user).unread().count()

    return {
        "nav_is_moderator": signed_in and user.is_moderator,
        "nav_is_school_admin": signed_in and user.is_school_admin,
        "nav_may_change_settings": signed_in and may_change_school_settings(user),
        "nav_unread_notifications": unread_notifications,
    }
