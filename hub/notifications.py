"""Telling one person that something happened to them or their work.

Features call `notify()` rather than sending mail themselves, so that how a
person is told is decided in one place: it always adds an in-app notification
(the list behind "Notifications" in the header) and emails only people whose
preference is "instant"; the others read it in the app or in Friday's digest.

A notification is about an object (`target`) and its link is derived from it:
`notify()` refuses (NoLink) an object it cannot link to, so no call site can
leave someone with a notice that leads nowhere.
"""

from collections.abc import Callable
from contextlib import nullcontext
from html import unescape

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone

from hub.emails import queue_email
from hub.models.notifications import (
    NOTIFICATION_MESSAGE_MAX,
    NoticeHow,
    Notification,
    target_link,
)
from hub.models.staff import EmailPreference
from hub.unsubscribe import BULK_NOTICE_KINDS


def notify(
    *,
    recipient,
    kind: str,
    target,
    email_template: str,
    context: dict,
    message: str | None = None,
    target_view: str = "",
    group_key: str = "",
    group_message: Callable[[int], str] | None = None,
) -> Notification | None:
    """Tell `recipient` about `target`: in the app now, by email after commit if instant.

    `message` defaults to the rendered email subject. With a `group_key`, an unread
    notice of the same kind and key grows instead ("3 colleagues tried …", worded
    by `group_message(count)`) and now points at the newest `target`.
    """
    link = target_link(target, target_view)
    how = how_told(recipient, kind)
    if not recipient.is_active or how == NoticeHow.OFF:
        return None
    context = {"recipient": recipient, "notice_path": link, **context}
    if message is None:
        subject_context = {"site_url": settings.SITE_URL, **context}
        # Templates escape HTML; the message is plain text, escaped again when shown.
        message = unescape(
            render_to_string(f"emails/{email_template}_subject.txt", subject_context)
        )
    # A savepoint only when there may be a notice to grow: most notices are one INSERT.
    with transaction.atomic() if group_key else nullcontext():
        notification = _grown(recipient, kind, group_key) if group_key else None
        if notification is None:
            notification = Notification(recipient=recipient, kind=kind, group_key=group_key)
        else:
            notification.count += 1
            notification.created_at = timezone.now()
            if group_message is not None:
                message = group_message(notification.count)
        notification.message = _one_line(message)
        notification.target_type = ContentType.objects.get_for_model(target)
        notification.target_id = target.pk
        notification.target_view = target_view
        # The content type came from get_for_model: no need for a query to check it
        # exists; the one constraint (once per task) is the database's to keep.
        notification.full_clean(exclude=["target_type"], validate_constraints=False)
        if notification.pk is None and not group_key:
            notification = _once_per_task(notification, template=email_template)
        else:
            notification.save()
    # Queued even when this task already made the notification: the worker may have died
    # before the email left, and send_email skips anyone it already reached (SentEmail).
    if how == NoticeHow.INSTANT:
        queue_email(
            to=[recipient.email],
            template=email_template,
            context=context,
            unsubscribe=(recipient, kind) if kind in BULK_NOTICE_KINDS else None,
        )
    return notification


def how_told(recipient, kind: str) -> str:
    """Instant (in the app and by email now), digest (in the app, emailed on Friday) or off.

    A person's choice for the kind, else their general email setting; "no emails at
    all" holds whatever a kind says.
    """
    chosen = (recipient.notice_preferences or {}).get(kind)
    if chosen not in NoticeHow.values:
        chosen = (
            NoticeHow.INSTANT
            if recipient.email_preference == EmailPreference.INSTANT
            else NoticeHow.DIGEST
        )
    if chosen == NoticeHow.INSTANT and recipient.email_preference == EmailPreference.OFF:
        return NoticeHow.DIGEST
    return chosen


def notify_many(*, kind: str, notices: list[tuple], target_view: str = "") -> list[Notification]:
    """Tell many people at once (a job's batch): one INSERT, one email task after commit.

    `notices` are (recipient, target, message); no grouping. Costs the same few
    queries for ten people or a thousand.
    """
    rows, emailed_people = [], set()
    for recipient, target, message in notices:
        how = how_told(recipient, kind)
        if not recipient.is_active or how == NoticeHow.OFF:
            continue
        if how == NoticeHow.INSTANT:
            emailed_people.add(recipient.pk)
        target_link(target, target_view)
        rows.append(
            Notification(
                recipient=recipient,
                kind=kind,
                message=_one_line(message),
                target_type=ContentType.objects.get_for_model(target),
                target_id=target.pk,
                target_view=target_view,
            )
        )
    created = Notification.objects.bulk_create(rows)
    emailed = [row.pk for row in created if row.recipient_id in emailed_people]
    if emailed:
        from hub.tasks import send_notice_emails

        transaction.on_commit(lambda: send_notice_emails.enqueue(notification_ids=emailed))
    return created


def _grown(recipient, kind: str, group_key: str) -> Notification | None:
    return (
        Notification.objects.select_for_update()
        .for_recipient(recipient)
        .unread()
        .filter(kind=kind, group_key=group_key)
        .first()
    )


def _one_line(message: str) -> str:
    message = " ".join(message.split())
    if len(message) > NOTIFICATION_MESSAGE_MAX:
        message = message[: NOTIFICATION_MESSAGE_MAX - 1] + "…"
    return message


def _once_per_task(notification: Notification, *, template: str) -> Notification:
    """Save it, unless the task running this code already made it on an earlier try."""
    from hub.tasks import running_task_id

    outer = running_task_id()
    if not outer:
        notification.save()
        return notification
    key = f"{outer}:{template}"[:200]
    made = Notification.objects.filter(recipient_id=notification.recipient_id, task_key=key)
    if earlier := made.first():
        return earlier
    notification.task_key = key
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:  # A second run of the same task at once made it first.
        return made.get()
    return notification
