"""The home page: the panels hub.registry.HOME_PANELS lists, top to bottom. Each
feature's panel (its template and the function that fills it) is registered in
that feature's hooks.py, named beside its entry in the list."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hub.decorators import school_page
from hub.registry import home_panels


@login_required
@school_page
def home(request: HttpRequest) -> HttpResponse:
    panels = [
        {"template_name": panel.template_name, **panel.get_context(request.user)}
        for panel in home_panels()
    ]
    return render(request, "hub/home.html", {"panels": panels})
