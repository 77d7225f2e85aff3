"""Which account a sign-in attempt is for, as django-axes counts failures."""

from django.http import HttpRequest


def username_for_lockout(request: HttpRequest, credentials: dict | None = None) -> str:
    """The lower-cased email typed into the sign-in form.

    The form posts the email as `username` (Django's AuthenticationForm), while
    axes would look for the user model's field name (`email`) and find nothing,
    which would lump every account together under one lock.
    """
    if credentials:
        value = credentials.get("username") or credentials.get("email") or ""
    else:
        data = getattr(request, "data", None) or request.POST
        value = data.get("username") or data.get("email") or ""
    return str(value).strip().lower()
