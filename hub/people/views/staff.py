from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hub.decorators import school_admin_required
from hub.models import Role, Staff
from hub.people import services
from hub.people.forms import InviteStaffForm, StaffImportForm, StaffRoleForm
from hub.people.staff_import import check_staff_csv

STAFF_PER_PAGE = 50
STATUS_FILTERS = {
    "active": Q(is_active=True, last_login__isnull=False),
    "invited": Q(is_active=True, last_login__isnull=True),
    "left": Q(is_active=False),
}


def _school_staff_or_404(request: HttpRequest, pk: int) -> Staff:
    try:
        return Staff.objects.visible_to(request.user).get(pk=pk)
    except Staff.DoesNotExist:
        raise Http404("No staff member found.") from None


@school_admin_required
def staff_list(request: HttpRequest) -> HttpResponse:
    staff = Staff.objects.visible_to(request.user).order_by("full_name", "pk")
    query = request.GET.get("q", "").strip()[:100]
    if query:
        staff = staff.filter(Q(full_name__icontains=query) | Q(email__icontains=query))
    role = request.GET.get("role", "")
    if role in Role.values:
        staff = staff.filter(role=role)
    status = request.GET.get("status", "")
    if status in STATUS_FILTERS:
        staff = staff.filter(STATUS_FILTERS[status])
    page = Paginator(staff, STAFF_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "hub/people/staff_list.html",
        {
            "page": page,
            "query": query,
            "role": role,
            "status": status,
            "roles": Role.choices,
            "statuses": [("active", "Signed in"), ("invited", "Invited"), ("left", "Left")],
        },
    )


@school_admin_required
def invite_staff(request: HttpRequest) -> HttpResponse:
    form = InviteStaffForm(request.POST or None, school=request.user.school)
    if request.method == "POST" and form.is_valid():
        services.staff_invite(
            school=request.user.school, invited_by=request.user, **form.cleaned_data
        )
        email = form.cleaned_data["email"]
        messages.success(request, f"Invitation sent to {email}. The link works for 7 days.")
        return redirect("hub:staff_list")
    return render(request, "hub/people/invite_staff.html", {"form": form})


@school_admin_required
def import_staff(request: HttpRequest) -> HttpResponse:
    form = StaffImportForm(request.POST or None, request.FILES or None)
    checked = None
    if request.method == "POST" and form.is_valid():
        checked = check_staff_csv(form.cleaned_data["file"].read(), school=request.user.school)
        if checked.ok:
            created = services.staff_import(
                school=request.user.school, checked=checked, invited_by=request.user
            )
            messages.success(request, f"Imported {len(created)} staff and sent their invitations.")
            return redirect("hub:staff_list")
    return render(request, "hub/people/import_staff.html", {"form": form, "checked": checked})


@school_admin_required
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    member = _school_staff_or_404(request, pk)
    form = StaffRoleForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.staff_change_role(staff=member, by=request.user, **form.cleaned_data)
        except ValueError as error:
            form.add_error("is_school_admin", str(error))
        else:
            messages.success(request, f"Saved {member.full_name}’s role and rights.")
            return redirect("hub:staff_detail", pk=member.pk)
    if request.method == "POST":
        member.refresh_from_db()
    return render(request, "hub/people/staff_detail.html", {"member": member, "form": form})


@require_POST
@school_admin_required
def deactivate_staff(request: HttpRequest, pk: int) -> HttpResponse:
    member = _school_staff_or_404(request, pk)
    try:
        services.staff_deactivate(staff=member, by=request.user)
    except ValueError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, f"{member.full_name} can no longer sign in. What they shared stays."
        )
    return redirect("hub:staff_detail", pk=member.pk)


@require_POST
@school_admin_required
def reactivate_staff(request: HttpRequest, pk: int) -> HttpResponse:
    member = _school_staff_or_404(request, pk)
    services.staff_reactivate(staff=member)
    messages.success(request, f"{member.full_name} can sign in again.")
    return redirect("hub:staff_detail", pk=member.pk)


@require_POST
@school_admin_required
def resend_invitation(request: HttpRequest, pk: int) -> HttpResponse:
    member = _school_staff_or_404(request, pk)
    if member.has_signed_in or not member.is_active:
        messages.error(
            request, "Only an active colleague who has not signed in yet can be re-invited."
        )
    else:
        services.staff_resend_invitation(staff=member, invited_by=request.user)
        messages.success(request, f"A new invitation is on its way to {member.email}.")
    return redirect("hub:staff_detail", pk=member.pk)
