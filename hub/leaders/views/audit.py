from datetime import datetime, time, timedelta

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hub.decorators import moderator_required
from hub.leaders.forms import AuditFilterForm
from hub.models import AuditEntry

ENTRIES_PER_PAGE = 50


@moderator_required
def audit_log(request: HttpRequest) -> HttpResponse:
    """Every moderator action at this school (who, what, when, why), newest first."""
    school = request.user.school
    form = AuditFilterForm(request.GET or None, school=school)
    entries = AuditEntry.objects.filter(school=school).select_related(
        "actor", "content_type", "network"
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        if data["action"]:
            entries = entries.filter(action=data["action"])
        if data["moderator"]:
            entries = entries.filter(actor=data["moderator"])
        if data["date_from"]:
            start = datetime.combine(data["date_from"], time.min, tzinfo=school.zone)
            entries = entries.filter(created_at__gte=start)
        if data["date_to"]:
            end = datetime.combine(
                data["date_to"] + timedelta(days=1), time.min, tzinfo=school.zone
            )
            entries = entries.filter(created_at__lt=end)
    page = Paginator(entries, ENTRIES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "hub/leaders/audit_log.html", {"form": form, "page": page})
