"""Exporting an edition: queue the job, watch its progress, download the file."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hub.access import get_visible_or_404
from ideas.scrapbook import services
from ideas.scrapbook.forms import ExportForm
from ideas.scrapbook.models import Edition, EditionExport, ExportStatus

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
}


def _export_for_editor(request: HttpRequest, pk: int) -> EditionExport:
    """404 beyond the school; 403 for colleagues who may not make editions."""
    editions = Edition.objects.visible_to(request.user)
    export = get_object_or_404(
        EditionExport.objects.select_related("edition"), pk=pk, edition__in=editions
    )
    services.require_edition_editor(request.user)
    return export


@require_POST
@login_required
def export_edition(request: HttpRequest, pk: int) -> HttpResponse:
    edition = get_visible_or_404(Edition.objects.all(), request.user, pk=pk)
    services.require_edition_editor(request.user)
    form = ExportForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Please choose PDF, Word or CSV.")
        return redirect(edition)
    try:
        export = services.export_request(
            edition=edition, editor=request.user, format=form.cleaned_data["format"]
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(edition)
    return redirect("ideas:export_status", pk=export.pk)


@login_required
def export_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The export's progress; htmx polls the `status` partial every second while it runs."""
    export = _export_for_editor(request, pk)
    is_current = export.made_for_version == export.edition.fingerprint()
    template = "ideas/scrapbook/export_status.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"export": export, "is_current": is_current})


@login_required
def download_export(request: HttpRequest, pk: int) -> FileResponse:
    export = _export_for_editor(request, pk)
    if export.status != ExportStatus.DONE or not export.file:
        raise Http404("This file is not ready.")
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404("This file has been replaced by a newer one.") from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=export.filename,
        content_type=CONTENT_TYPES[export.format],
    )
