"""Telling authors that a moderator hid their work or returned it with feedback.

Not at once: the moderator has `UNDO_WINDOW` to take the action back, and a
notice about a hide that was then undone would be wrong and upsetting. A
periodic job tells the author once the window has passed and the action still
stands; `author_told_at` is claimed with a conditional UPDATE, so two job
runners never tell anyone twice.
"""

import datetime as dt

from django.db import transaction
from django.db.models import Exists, OuterRef

from hub.leaders.selectors import kind_for
from hub.models import AuditEntry, NoticeKind
from hub.models.notifications import target_link
from hub.moderation import UNDO_WINDOW
from hub.notifications import notify

NOTICE_ACTIONS = ("hide", "return")
# A job run handles at most this many; the rest wait for the next minute.
BATCH = 200


def tell_authors_of_moderation(now: dt.datetime) -> int:
    """Notify the authors of hides and returns that can no longer be undone; how many."""
    later_undo = AuditEntry.objects.filter(
        action="undo",
        content_type_id=OuterRef("content_type_id"),
        object_id=OuterRef("object_id"),
        pk__gt=OuterRef("pk"),
    )
    due = (
        AuditEntry.objects.filter(
            action__in=NOTICE_ACTIONS,
            author_told_at__isnull=True,
            created_at__lte=now - UNDO_WINDOW,
        )
        .annotate(undone=Exists(later_undo))
        .select_related("content_type", "actor", "network")
        .order_by("created_at", "pk")[:BATCH]
    )
    told = 0
    for entry in due:
        with transaction.atomic():
            claimed = AuditEntry.objects.filter(pk=entry.pk, author_told_at__isnull=True).update(
                author_told_at=now
            )
            if claimed and not entry.undone and _tell_author(entry):
                told += 1
    return told


def _tell_author(entry: AuditEntry) -> bool:
    model = entry.content_type.model_class()
    kind = kind_for(model)
    item = model._default_manager.select_related("author").filter(pk=entry.object_id).first()
    # Deleted since, acted on again since (that entry tells its own story), or the
    # moderator's own work: nobody to tell.
    if kind is None or item is None or item.status != entry.to_status:
        return False
    if item.author_id == entry.actor_id:
        return False
    return (
        notify(
            recipient=item.author,
            kind=NoticeKind.MODERATION,
            target=item,
            email_template="moderation_outcome",
            context={
                "entry": entry,
                "kind_label": kind.label,
                "title": kind.titled(entry.target_title),
                "returned": entry.action == "return",
                "item_url": target_link(item),
            },
        )
        is not None
    )
