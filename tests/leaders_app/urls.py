"""The project's URLs plus a detail page for test notes (opt in with
`@pytest.mark.urls("tests.leaders_app.urls")`)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from hub.access import get_visible_or_404
from hub.urls import urlpatterns as project_patterns
from tests.leaders_app.models import Note


@login_required
def note_detail(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_visible_or_404(Note.objects.select_related("author"), request.user, pk=pk)
    return render(request, "leaders_app/note_detail.html", {"note": note})


urlpatterns = [path("test-notes/<int:pk>/", note_detail), *project_patterns]
