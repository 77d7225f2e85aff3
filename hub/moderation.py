"""The one moderation mechanism: every contribution's state changes happen here.

Each change is a conditional UPDATE on (status, version), so two moderators
acting on the same thing at once cannot overwrite each other: the later one is
refused with a clear message. Every moderator action writes an AuditEntry.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hub.models import AuditEntry, Contribution, Status


class TransitionRefused(Exception):
    """The contribution is no longer in a state where this action applies."""


# action -> (states it may start from, state it leads to, needs a moderator)
TRANSITIONS: dict[str, tuple[frozenset[str], str, bool]] = {
    "submit": (frozenset({Status.DRAFT, Status.RETURNED}), Status.SUBMITTED, False),
    "approve": (frozenset({Status.SUBMITTED, Status.HIDDEN}), Status.PUBLISHED, True),
    "hide": (frozenset({Status.SUBMITTED, Status.PUBLISHED}), Status.HIDDEN, True),
    "return": (frozenset({Status.SUBMITTED}), Status.RETURNED, True),
}

ACTION_LABELS = {
    "submit": "submitted",
    "approve": "approved",
    "hide": "hid",
    "return": "returned",
    "celebrate": "celebrated",
}


def can_moderate(staff, contribution: Contribution) -> bool:
    return bool(
        staff.is_authenticated
        and staff.is_moderator
        and staff.is_active
        and staff.school_id == contribution.school_id
    )


def transition(
    contribution: Contribution,
    *,
    action: str,
    actor,
    reason: str = "",
    expected_version: int | None = None,
) -> Contribution:
    """Move a contribution to its next state, or raise TransitionRefused."""
    from_states, to_state, needs_moderator = TRANSITIONS[action]
    if needs_moderator and not can_moderate(actor, contribution):
        raise PermissionDenied("Only this school's moderators can do that.")
    if not needs_moderator and actor.pk != contribution.author_id:
        raise PermissionDenied("Only the author can do that.")
    if action in {"hide", "return"} and not reason.strip():
        raise TransitionRefused("Please say why, so the author knows what to change.")
    version = contribution.version if expected_version is None else expected_version
    model = type(contribution)
    note = reason.strip() if action in {"hide", "return"} else ""
    with transaction.atomic():
        updated = model.objects.filter(
            pk=contribution.pk, status__in=from_states, version=version
        ).update(
            status=to_state,
            version=F("version") + 1,
            moderation_note=note,
            updated_at=timezone.now(),
        )
        if not updated:
            raise TransitionRefused(
                "Someone else changed this a moment ago. Reload to see where it stands now."
            )
        from_status = contribution.status
        contribution.refresh_from_db(fields=["status", "version", "moderation_note", "updated_at"])
        if needs_moderator:
            _audit(contribution, actor, action, from_status, to_state, note)
    return contribution


def celebrate(contribution: Contribution, *, actor, note: str) -> Contribution:
    if not can_moderate(actor, contribution):
        raise PermissionDenied("Only this school's moderators can celebrate.")
    if contribution.status != Status.PUBLISHED:
        raise TransitionRefused("Only shared contributions can be celebrated.")
    with transaction.atomic():
        type(contribution).objects.filter(pk=contribution.pk).update(
            celebrated_at=timezone.now(), celebration_note=note.strip()
        )
        contribution.refresh_from_db(fields=["celebrated_at", "celebration_note"])
        _audit(contribution, actor, "celebrate", contribution.status, contribution.status, note)
    return contribution


def record(contribution: Contribution, *, actor, action: str, reason: str = "") -> None:
    """Audit a moderator action that is not a state change (e.g. picking Idea of the Week)."""
    _audit(contribution, actor, action, contribution.status, contribution.status, reason)


def _audit(contribution, actor, action, from_status, to_status, reason) -> None:
    AuditEntry.objects.create(
        school_id=contribution.school_id,
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        target_title=contribution.moderation_title()[:200],
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )
