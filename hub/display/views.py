"""The staffroom screen (no sign-in: the link's token is the key), the screens page
where moderators and admins make and revoke links, and the printable A4 sheet."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from hub.access import require_moderator_or_school_admin
from hub.display.forms import DisplayLinkForm
from hub.display.selectors import (
    active_link,
    links_of,
    qr_code_svg,
    screen_content_html,
    sections_for,
)
from hub.display.services import display_link_create, display_link_revoke
from hub.models import DisplayLink

# The session key that carries a new link's token to the one page that shows it.
JUST_MADE = "display_link_just_made"


def _phone_link() -> str:
    return f"{settings.SITE_URL}{reverse('ideas:board')}#post"


def _screen_headers(response: HttpResponse) -> HttpResponse:
    """The token is in the address: no search engine, no Referer, no shared cache."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    response["Cache-Control"] = "private, no-store"
    return response


def _screen_not_found(request: HttpRequest) -> HttpResponse:
    # Its own page, never the sign-in form or the site's header: this is a TV.
    response = render(request, "hub/display/screen_not_found.html", status=404)
    return _screen_headers(response)


def screen(request: HttpRequest, token: str) -> HttpResponse:
    link = active_link(token)
    if link is None:
        return _screen_not_found(request)
    context = {
        "school": link.school,
        "token": token,
        "content": screen_content_html(link.school),
        "phone_link": _phone_link(),
        "qr_code": qr_code_svg(_phone_link()),
    }
    return _screen_headers(render(request, "hub/display/screen.html", context))


def screen_content(request: HttpRequest, token: str) -> HttpResponse:
    """The panels alone, fetched by the screen every minute (htmx polling)."""
    link = active_link(token)
    if link is None:
        return _screen_not_found(request)
    return _screen_headers(HttpResponse(screen_content_html(link.school)))


@login_required
@require_http_methods(["GET", "POST"])
def display_links(request: HttpRequest) -> HttpResponse:
    require_moderator_or_school_admin(request.user)
    school = request.user.school
    form = DisplayLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link, token = display_link_create(
            school=school, created_by=request.user, name=form.cleaned_data["name"]
        )
        request.session[JUST_MADE] = {"pk": link.pk, "token": token}
        return redirect("hub:display_links")
    just_made = request.session.pop(JUST_MADE, None) if request.method == "GET" else None
    links = list(links_of(school))
    new_link = next((link for link in links if just_made and link.pk == just_made["pk"]), None)
    context = {
        "form": form,
        "links": links,
        "new_link": new_link,
        "new_link_url": (
            request.build_absolute_uri(reverse("hub:screen", args=[just_made["token"]]))
            if new_link
            else ""
        ),
    }
    return render(request, "hub/display/links.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def revoke_display_link(request: HttpRequest, pk: int) -> HttpResponse:
    require_moderator_or_school_admin(request.user)
    link = get_object_or_404(DisplayLink, pk=pk, school_id=request.user.school_id)
    if request.method == "POST":
        if display_link_revoke(link=link, revoked_by=request.user):
            messages.success(request, f"“{link.name}” is switched off: its screen goes blank.")
        else:
            messages.info(request, f"“{link.name}” was already switched off.")
        return redirect("hub:display_links")
    return render(request, "hub/display/revoke.html", {"link": link})


@login_required
def staffroom_sheet(request: HttpRequest) -> HttpResponse:
    """This week on one A4 page, for a noticeboard: what every colleague may see,
    whoever prints it (a moderator's sheet shows nothing only moderators see)."""
    school = request.user.school
    if school is None:
        raise Http404("No school.")
    now = timezone.now()
    context = {
        "school": school,
        "sections": sections_for(school, now),
        "printed_at": now,
        "phone_link": _phone_link(),
        "qr_code": qr_code_svg(_phone_link()),
    }
    return render(request, "hub/display/sheet.html", context)
