def navigation(request) -> dict:
    """What the navigation bar needs to decide which links to show."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "nav_is_moderator": signed_in and user.is_moderator,
        "nav_is_school_admin": signed_in and user.is_school_admin,
    }
