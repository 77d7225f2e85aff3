"""Where a form may send a person back to after a POST (its `next` field)."""

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def local_path(request: HttpRequest, candidate: str) -> str | None:
    """`candidate` if it is a path on this site, else None.

    Only a path: `redirect()` takes a bare word such as `xy` for a view's name and
    fails (a 500 on a forged `next`); another host would be an open redirect.
    """
    if candidate.startswith("/") and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return None
