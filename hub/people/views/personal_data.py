"""'Download my data': each staff member's own data as a ZIP (UK GDPR)."""

import tempfile

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from hub.people.personal_data import sections_for, write_archive

# Kept in memory up to this size, then spilled to a temporary file.
IN_MEMORY_BYTES = 8 * 1024 * 1024


@login_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    sections = sections_for(request.user)
    context = {
        "contributions": sorted({section.label for section in sections if section.contribution}),
        "records": sorted({section.label for section in sections if not section.contribution}),
    }
    return render(request, "hub/people/my_data.html", context)


@login_required
@require_GET
def download_my_data(request: HttpRequest) -> FileResponse:
    # Only ever the signed-in person's own data: no id comes from the request.
    # FileResponse closes the file once it is sent.
    archive = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY_BYTES)  # noqa: SIM115
    write_archive(request.user, archive)
    archive.seek(0)
    filename = f"staffroom-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response = FileResponse(archive, as_attachment=True, filename=filename)
    response["Content-Type"] = "application/zip"
    return response
