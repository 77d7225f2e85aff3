"""Writes for display links: made and revoked by a school's moderators and admins,
each with an audit row."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from hub.models import AuditEntry, DisplayLink, hash_display_token


def _audit(*, link: DisplayLink, actor, action: str) -> None:
    AuditEntry.objects.create(
        school_id=link.school_id,
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(DisplayLink),
        object_id=link.pk,
        target_title=f"Screen link: {link.name}"[:200],
    )


def display_link_create(*, school, created_by, name: str) -> tuple[DisplayLink, str]:
    """A new link for a screen at `school`; returns it and its token, which is shown
    once and never stored (only its hash is)."""
    token = DisplayLink.new_token()
    link = DisplayLink(
        school=school,
        created_by=created_by,
        name=name.strip(),
        token_hash=hash_display_token(token),
    )
    link.full_clean()
    with transaction.atomic():
        link.save()
        _audit(link=link, actor=created_by, action="create_display_link")
    return link, token


def display_link_revoke(*, link: DisplayLink, revoked_by) -> bool:
    """Switch a link off for good; False if it was already off (a double submit)."""
    with transaction.atomic():
        changed = DisplayLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
            revoked_at=timezone.now(), revoked_by=revoked_by
        )
        if changed:
            _audit(link=link, actor=revoked_by, action="revoke_display_link")
    link.refresh_from_db(fields=["revoked_at", "revoked_by"])
    return bool(changed)
