"""Writing a school's settings: one transaction, one audit row saying what changed."""

import uuid

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction

from hub.access import require_school_settings_editor
from hub.content import school_changed
from hub.lib.images import CleanImage
from hub.models import AuditEntry, School

SETTINGS_FIELDS = ["moderation_mode", "follow_up_days", "time_zone", "default_visibility", "logo"]
FIELD_LABELS = {
    "moderation_mode": "moderation",
    "follow_up_days": "days before “How did it go?”",
    "time_zone": "time zone",
    "default_visibility": "who sees what staff share",
}


def school_settings_save(
    *,
    school: School,
    editor,
    changed_fields: list[str],
    terms_formset,
    logo: CleanImage | None = None,
    remove_logo: bool = False,
) -> list[str]:
    """Save the settings form's school and term dates; returns what changed, in words."""
    require_school_settings_editor(editor)
    if school.pk != editor.school_id:
        raise PermissionDenied("That is another school's settings.")
    changes = [FIELD_LABELS[name] for name in changed_fields if name in FIELD_LABELS]
    old_logo = school.logo.name if school.logo else ""
    with transaction.atomic():
        if logo is not None:
            school.logo.save(
                f"{uuid.uuid4().hex}.{logo.extension}", ContentFile(logo.content), save=False
            )
            changes.append("logo")
        elif remove_logo and school.logo:
            school.logo = ""
            changes.append("logo removed")
        school.full_clean()
        # Never write back the content version read with the form: a colleague's change
        # in the meantime raised it, and going back would reuse an old fragment's key.
        school.save(update_fields=SETTINGS_FIELDS)
        if terms_formset.has_changed():
            terms_formset.save()
            changes.append("term dates")
        # Time zone, moderation and term dates change how every page reads.
        school_changed(school)
        if changes:
            AuditEntry.objects.create(
                school=school,
                actor=editor,
                action="settings",
                target=school,
                target_title=school.name[:200],
                reason="Changed: " + ", ".join(changes),
            )
        if old_logo and (logo is not None or remove_logo):
            storage = School._meta.get_field("logo").storage
            transaction.on_commit(lambda: storage.delete(old_logo))
    return changes
