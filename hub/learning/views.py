"""My learning: the person's own record, focuses, notes and exports. Only ever their own:
no URL here takes a person's id, and an export is found among the requester's alone."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hub.learning import selectors, services
from hub.learning.forms import ExportForm, FocusForm, NoteForm
from hub.models import LearningExport, LearningExportStatus, LearningFocus
from hub.models.learning import FOCUSES_PER_YEAR, school_year_of

CONTENT_TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}


def _require_school(staff) -> None:
    if staff.school_id is None:
        raise PermissionDenied("My learning is for a school's staff.")


def _today(staff):
    return timezone.localdate(timezone=staff.school.zone)


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    person = request.user
    _require_school(person)
    today = _today(person)
    year = school_year_of(today)
    start, end = selectors.school_year_bounds(today)
    focuses = selectors.focuses_of(person, year)
    entries = selectors.learning_record(person, start, end)
    chosen = next((f for f in focuses if str(f.pk) == request.GET.get("focus")), None)
    if chosen is not None:
        entries = [entry for entry in entries if selectors.matches_focus(entry, chosen)]
    first, last = selectors.default_period(today)
    context = {
        "focuses": focuses,
        "chosen": chosen,
        "can_add_focus": len(focuses) < FOCUSES_PER_YEAR,
        "terms": selectors.by_term(entries, person.school.zone),
        "entry_count": len(entries),
        "suggestions": selectors.focus_suggestions(person, focuses, today),
        "note_form": NoteForm(),
        "export_form": ExportForm(initial={"format": "pdf", "start": first, "end": last}),
        "exports": LearningExport.objects.filter(staff_id=person.pk)[:3],
        "year_label": f"{start:%B %Y} to {end:%B %Y}",
    }
    return render(request, "hub/learning/my_learning.html", context)


@login_required
def edit_focus(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    _require_school(request.user)
    focus = get_object_or_404(LearningFocus, pk=pk, staff_id=request.user.pk) if pk else None
    form = FocusForm(request.POST if request.method == "POST" else None, instance=focus)
    if request.method == "POST" and form.is_valid():
        try:
            services.focus_save(
                staff=request.user,
                focus=focus,
                text=form.cleaned_data["text"],
                tags=form.cleaned_data["tags_text"],
                show_on_profile=form.cleaned_data["show_on_profile"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, "Your focus is saved.")
            return redirect("hub:my_learning")
    return render(request, "hub/learning/focus_form.html", {"form": form, "focus": focus})


@require_POST
@login_required
def delete_focus(request: HttpRequest, pk: int) -> HttpResponse:
    focus = get_object_or_404(LearningFocus, pk=pk, staff_id=request.user.pk)
    services.focus_delete(focus=focus)
    messages.success(request, f"Your focus “{focus.text}” is removed.")
    return redirect("hub:my_learning")


@require_POST
@login_required
def add_note(request: HttpRequest) -> HttpResponse:
    _require_school(request.user)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return render(request, "hub/learning/note_form.html", {"form": form}, status=400)
    services.note_add(
        staff=request.user,
        text=form.cleaned_data["text"],
        tags=form.cleaned_data["tags_text"],
        is_private=form.cleaned_data["is_private"],
    )
    messages.success(request, "Your note is added to your record.")
    return redirect("hub:my_learning")


@require_POST
@login_required
def request_export(request: HttpRequest) -> HttpResponse:
    _require_school(request.user)
    form = ExportForm(request.POST)
    if form.is_valid():
        try:
            export = services.export_request(staff=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(export)
    return render(request, "hub/learning/export_form.html", {"form": form}, status=400)


def _own_export(request: HttpRequest, pk: int) -> LearningExport:
    """Only its owner's: anyone else's answers 404, whoever asks."""
    return get_object_or_404(
        LearningExport.objects.select_related("staff"), pk=pk, staff_id=request.user.pk
    )


@login_required
def learning_export(request: HttpRequest, pk: int) -> HttpResponse:
    """The export's state; htmx polls it every second while the worker makes it."""
    export = _own_export(request, pk)
    template = "hub/learning/export_status.html"
    if request.htmx:
        template += "#status"
    return render(request, template, {"export": export})


@login_required
def download_learning_export(request: HttpRequest, pk: int) -> FileResponse:
    export = _own_export(request, pk)
    if export.status != LearningExportStatus.DONE or not export.file:
        raise Http404("This file is not ready.")
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404("This file is no longer kept.") from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=export.filename,
        content_type=CONTENT_TYPES[export.format],
    )
