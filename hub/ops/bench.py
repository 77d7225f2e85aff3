"""The benchmark's ceiling: the cheapest page a signed-in person can get.

Only routed when STAFFROOM_BENCH=1 (see hub/urls.py), so it never exists in
production. bench/pages.sh compares every real page with it.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_required
def ceiling(request: HttpRequest) -> HttpResponse:
    return render(request, "hub/ops/ceiling.html")
