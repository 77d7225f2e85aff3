"""The school settings page: moderation, follow-ups, time zone, logo and term dates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from hub.decorators import school_settings_editor_required
from hub.leaders.settings_forms import SchoolSettingsForm, SchoolTermFormSet
from hub.leaders.settings_services import school_settings_save
from hub.models import School


@school_settings_editor_required
def school_settings(request: HttpRequest) -> HttpResponse:
    school = School.objects.get(pk=request.user.school_id)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    form = SchoolSettingsForm(data, files, instance=school)
    terms = SchoolTermFormSet(data, instance=school, prefix="terms")
    if request.method == "POST" and form.is_valid() and terms.is_valid():
        changes = school_settings_save(
            school=form.save(commit=False),
            editor=request.user,
            changed_fields=form.changed_data,
            terms_formset=terms,
            logo=form.cleaned_logo,
            remove_logo=form.cleaned_data.get("remove_logo", False),
        )
        if changes:
            messages.success(request, "Settings saved: " + ", ".join(changes) + ".")
        else:
            messages.info(request, "Nothing had changed, so nothing was saved.")
        return redirect("hub:school_settings")
    if request.method == "POST":
        messages.error(request, "Nothing was saved. Please correct the fields marked below.")
    return render(
        request,
        "hub/leaders/school_settings.html",
        {"form": form, "terms": terms, "school": school},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def school_logo(request: HttpRequest, pk: int) -> FileResponse:
    """The logo, for the school's own staff only (another school's: 404)."""
    if pk != request.user.school_id:
        raise Http404("No such school.")
    school = School.objects.get(pk=pk)
    if not school.logo:
        raise Http404("This school has no logo yet.")
    response = FileResponse(school.logo.open("rb"))
    response["Cache-Control"] = "private, max-age=3600"
    return response
