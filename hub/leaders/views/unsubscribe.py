"""Unsubscribing from the digest's link, without signing in."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hub.leaders.digest import staff_for_unsubscribe_token
from hub.models import EmailPreference


def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks (mail scanners follow links); POST turns every Staffroom email off."""
    member = staff_for_unsubscribe_token(token)
    if member is None:
        return render(request, "hub/leaders/unsubscribe_invalid.html", status=400)
    done = False
    if request.method == "POST":
        member.email_preference = EmailPreference.OFF
        member.save(update_fields=["email_preference"])
        done = True
    return render(request, "hub/leaders/unsubscribe.html", {"member": member, "done": done})
