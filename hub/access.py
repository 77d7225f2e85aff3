"""The public way for every view to fetch content: scoped, or a 404.

Another school's object answers 404 (never 403, never its data); an object the
person may see but not change answers 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404


def visible(queryset: QuerySet, staff) -> QuerySet:
    """Everything in the queryset this staff member may see."""
    return queryset.visible_to(staff)


def get_visible_or_404(queryset: QuerySet, staff, **lookup) -> Model:
    try:
        return queryset.visible_to(staff).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(f"No {queryset.model._meta.verbose_name} found.") from None


def get_editable_or_404(queryset: QuerySet, staff, **lookup) -> Model:
    """The object if this person wrote it; 403 if they only may see it."""
    obj = get_visible_or_404(queryset, staff, **lookup)
    if getattr(obj, "author_id", None) != staff.pk:
        raise PermissionDenied("Only the author can change this.")
    return obj


def require_moderator(staff) -> None:
    if not (staff.is_authenticated and staff.is_moderator and staff.school_id):
        raise PermissionDenied("This page is for your school's moderators.")


def require_school_admin(staff) -> None:
    if not (staff.is_authenticated and staff.is_school_admin and staff.school_id):
        raise PermissionDenied("This page is for your school's admins.")


def require_moderator_or_school_admin(staff) -> None:
    if not (
        staff.is_authenticated and (staff.is_moderator or staff.is_school_admin) and staff.school_id
    ):
        raise PermissionDenied("This page is for your school's moderators and admins.")


def may_change_school_settings(staff) -> bool:
    """The head (the school settings flag) and the school's admins run its settings;
    other moderators (deputies, senior leaders) moderate but do not change how the
    school is set up. Decided by flags, never by the job role."""
    return bool(
        staff.is_authenticated
        and staff.school_id
        and (staff.is_school_admin or staff.manages_settings)
    )


def require_school_settings_editor(staff) -> None:
    if not may_change_school_settings(staff):
        raise PermissionDenied("School settings are for your headteacher and school admins.")


def get_moderatable_or_404(queryset: QuerySet, staff, **lookup) -> Model:
    """For moderator actions: 404 beyond the school, 403 for non-moderators."""
    require_moderator(staff)
    try:
        return queryset.filter(school_id=staff.school_id).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404(f"No {queryset.model._meta.verbose_name} found.") from None


def contribution_model_or_404(key: str) -> type:
    """The registered contribution model named by a URL's `app_label.model` key."""
    from hub.registry import contribution_kinds

    for kind in contribution_kinds():
        if kind.model._meta.label_lower == key:
            return kind.model
    raise Http404("No such kind of contribution.")


def moderators_view_of(model: type) -> QuerySet:
    """A kind's contributions a moderator may act on: never other people's drafts."""
    from hub.models import Status

    return model.objects.exclude(status=Status.DRAFT).select_related("author")
