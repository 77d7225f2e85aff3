"""The school content version: what every cached fragment and page ETag is keyed on.

Code that changes what a school's staff see together (moderation transitions, and
the services that post, edit, react, reply, sign up, pick, publish...) calls
`school_changed` inside its own transaction. The version lives in the database
with the school, so a server that cannot reach the cache still never makes
another serve an old fragment: the next request reads the new version with the
school row and every fragment key it builds is new.

Signing in, sessions, lockout records and notifications are no school content and
never call it.
"""

from django.db.models import F

from hub.models import School


def school_changed(school: School | int | None) -> None:
    """Raise the content version of `school` (a School or its id) by one.

    One `UPDATE ... SET content_version = content_version + 1`: two changes at once
    both count, whatever each process last read. Call it in the transaction that
    makes the change, so the new version and the change commit together.
    """
    if school is None:
        return
    school_id = school if isinstance(school, int) else school.pk
    School.objects.filter(pk=school_id).update(content_version=F("content_version") + 1)


def schools_changed(school_ids) -> None:
    """Raise the version of each school a periodic job or bulk change touched."""
    ids = {school_id for school_id in school_ids if school_id is not None}
    if ids:
        School.objects.filter(pk__in=ids).update(content_version=F("content_version") + 1)


def school_of(obj) -> list[int]:
    """The school(s) whose content `obj` is: its own school, a school itself, a
    network's schools, or the school of the row it belongs to (a sign-up's lunch)."""
    if isinstance(obj, School):
        return [obj.pk]
    if hasattr(obj, "schools") and obj.pk:  # a network
        return list(obj.schools.values_list("pk", flat=True))
    if getattr(obj, "school_id", None):
        return [obj.school_id]
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.many_to_one:
            related = getattr(obj, field.name, None)
            if getattr(related, "school_id", None):
                return [related.school_id]
    return []


class SchoolContentAdmin:
    """ModelAdmin mixin: a change made in Django admin raises the version of the
    school(s) it belongs to, as a service would, in the admin's own transaction."""

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        schools_changed(school_of(obj))

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        schools_changed(school_of(form.instance))

    def delete_model(self, request, obj) -> None:
        schools = school_of(obj)
        super().delete_model(request, obj)
        schools_changed(schools)

    def delete_queryset(self, request, queryset) -> None:
        schools = [school for obj in queryset for school in school_of(obj)]
        super().delete_queryset(request, queryset)
        schools_changed(schools)
