"""The one moderation mechanism: every contribution's state changes happen here.

Each change is a conditional UPDATE on (status, version), so two moderators
acting on the same thing at once cannot overwrite each other: the later one is
refused with a clear message. Every moderator action writes an AuditEntry.
Hiding resolves a contribution's open flags; `dismiss_flags` resolves them
without a change; `undo` takes back a moderator's own action within seconds.
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from hub.content import school_changed
from hub.models import AuditEntry, Contribution, Flag, Resolution, Status


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
    "dismiss_flags": "dismissed the flags on",
    "undo": "undid an action on",
}

# How long a moderator has to take back an approve, hide, return or dismissal.
UNDO_WINDOW = timedelta(seconds=10)
UNDO_NAMES = {
    "approve": "the approval",
    "hide": "the hide",
    "return": "the return",
    "dismiss_flags": "dismissing the flags",
}
UNDOABLE = frozenset(UNDO_NAMES)


# What a network's lead may do to work a member school opened to the network; the
# school's own moderators approve, celebrate and dismiss flags.
NETWORK_ACTIONS = frozenset({"hide", "return"})


def can_moderate(staff, contribution: Contribution) -> bool:
    return bool(
        staff.is_authenticated
        and staff.is_moderator
        and staff.is_active
        and staff.school_id == contribution.school_id
    )


def _may_act(staff, contribution: Contribution, network) -> bool:
    """The school's moderators, or (with `network`) that network's leads."""
    if network is None:
        return can_moderate(staff, contribution)
    from hub.networks.access import may_moderate_in_network

    return may_moderate_in_network(staff, network, contribution)


def transition(
    contribution: Contribution,
    *,
    action: str,
    actor,
    reason: str = "",
    expected_version: int | None = None,
    network=None,
) -> Contribution:
    """Move a contribution to its next state, or raise TransitionRefused.

    With `network`, the actor acts as that network's lead: hide or return only, and
    only on work a member school opened to the network.
    """
    from_states, to_state, needs_moderator = TRANSITIONS[action]
    if network is not None and action not in NETWORK_ACTIONS:
        raise PermissionDenied("A network's leads can hide or return work, nothing more.")
    if needs_moderator and not _may_act(actor, contribution, network):
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
        school_changed(contribution.school_id)
        if needs_moderator:
            entry = _audit(contribution, actor, action, from_status, to_state, note, network)
            if action == "hide":
                _resolve_flags(contribution, entry, Resolution.HIDDEN)
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
        school_changed(contribution.school_id)
        _audit(contribution, actor, "celebrate", contribution.status, contribution.status, note)
    return contribution


def dismiss_flags(contribution: Contribution, *, actor, reason: str = "") -> int:
    """Close every open flag on a contribution that a moderator judged fine."""
    if not can_moderate(actor, contribution):
        raise PermissionDenied("Only this school's moderators can dismiss flags.")
    with transaction.atomic():
        if not _open_flags(contribution).exists():
            raise TransitionRefused("These flags were already resolved a moment ago.")
        entry = _audit(
            contribution,
            actor,
            "dismiss_flags",
            contribution.status,
            contribution.status,
            reason.strip() or "Flags dismissed: nothing to change.",
        )
        school_changed(contribution.school_id)
        return _resolve_flags(contribution, entry, Resolution.DISMISSED)


def undo(
    contribution: Contribution, *, entry: AuditEntry, actor, expected_version: int, network=None
) -> None:
    """Take back `entry` (this moderator's action a few seconds ago) and log the undo.

    Refused when the window has passed, when someone else acted, or when the
    contribution changed since (the same optimistic check as `transition`).
    A network's lead (with `network`) undoes only what they did as its lead.
    """
    if entry.network_id != (network.pk if network is not None else None):
        raise TransitionRefused("Undo it from the queue you acted in.")
    if not _may_act(actor, contribution, network):
        raise PermissionDenied("Only this school's moderators can do that.")
    if entry.actor_id != actor.pk or entry.action not in UNDOABLE:
        raise TransitionRefused("Only your own approve, hide, return or dismissal can be undone.")
    if timezone.now() - entry.created_at > UNDO_WINDOW:
        raise TransitionRefused("Too late to undo: act on it again from the queue instead.")
    model = type(contribution)
    with transaction.atomic():
        if entry.action != "dismiss_flags":
            updated = model.objects.filter(
                pk=contribution.pk, status=entry.to_status, version=expected_version
            ).update(
                status=entry.from_status,
                version=F("version") + 1,
                moderation_note=_note_before(entry),
                updated_at=timezone.now(),
            )
            if not updated:
                raise TransitionRefused(
                    "Someone else changed this a moment ago. Reload to see where it stands now."
                )
            contribution.refresh_from_db(
                fields=["status", "version", "moderation_note", "updated_at"]
            )
        reopened = Flag.objects.filter(resolved_by_entry=entry).update(
            resolved_at=None, resolution="", resolved_by_entry=None
        )
        if entry.action == "dismiss_flags" and not reopened:
            raise TransitionRefused("Those flags were already undone.")
        school_changed(contribution.school_id)
        _audit(
            contribution,
            actor,
            "undo",
            entry.to_status,
            entry.from_status,
            f"Took back {UNDO_NAMES[entry.action]} a moment after.",
            network,
        )


def _note_before(entry: AuditEntry) -> str:
    """The author-facing note the contribution had before `entry` (one query)."""
    if entry.from_status not in (Status.HIDDEN, Status.RETURNED):
        return ""
    earlier = (
        AuditEntry.objects.filter(
            content_type_id=entry.content_type_id,
            object_id=entry.object_id,
            to_status=entry.from_status,
            pk__lt=entry.pk,
        )
        .exclude(action="undo")
        .values_list("reason", flat=True)
        .first()
    )
    return earlier or ""


def _open_flags(contribution: Contribution):
    return Flag.objects.open().filter(
        content_type=ContentType.objects.get_for_model(contribution), object_id=contribution.pk
    )


def _resolve_flags(contribution: Contribution, entry: AuditEntry, resolution: str) -> int:
    return _open_flags(contribution).update(
        resolved_at=timezone.now(), resolution=resolution, resolved_by_entry=entry
    )


def record(
    contribution: Contribution, *, actor, action: str, reason: str = "", network=None
) -> AuditEntry:
    """Audit a moderator action that is not a state change (e.g. picking Idea of the Week);
    with `network`, one its lead took (a network's Idea of the Week, its celebrations)."""
    status = contribution.status
    return _audit(contribution, actor, action, status, status, reason, network)


def _audit(contribution, actor, action, from_status, to_status, reason, network=None) -> AuditEntry:
    return AuditEntry.objects.create(
        school_id=contribution.school_id,
        network=network,
        actor=actor,
        action=action,
        content_type=ContentType.objects.get_for_model(contribution),
        object_id=contribution.pk,
        target_title=contribution.moderation_title()[:200],
        from_status=from_status,
        to_status=to_status,
        reason=reason,
    )
