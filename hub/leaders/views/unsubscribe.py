"""Unsubscribing from a bulk email's link, without signing in (RFC 8058 one-click)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from hub import unsubscribe as unsubscribing


# A mail client's one-click POST carries no CSRF token and no session: the signed token
# names the person and the kind, and is the only authority this view accepts. Exempting
# it lets no other site do more than the link's owner could (stop that one kind of email).
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (mail scanners follow links); POST stops exactly that kind of email."""
    found = unsubscribing.read_token(token)
    if found is None:
        return render(request, "hub/leaders/unsubscribe_invalid.html", status=400)
    member, kind = found
    done = False
    if request.method == "POST":
        unsubscribing.unsubscribe(member, kind)
        done = True
    context = {
        "member": member,
        "done": done,
        "kind": kind,
        "label": unsubscribing.kind_label(kind),
        "subscribed": unsubscribing.is_subscribed(member, kind),
    }
    return render(request, "hub/leaders/unsubscribe.html", context)
