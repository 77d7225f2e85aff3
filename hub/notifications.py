"""Telling one person that something happened to them or their work.

Features call `notify()` rather than sending mail themselves, so that how a
person is told is decided in one place: it always adds an in-app notification
(the list behind "Notifications" in the header) and emails only people whose
preference is "instant"; the others read it in the app or in Friday's digest.
"""

from html import unescape

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string

from hub.emails import queue_email
from hub.models.notifications import NOTIFICATION_MESSAGE_MAX, Notification
from hub.models.staff import EmailPreference


def notify(
    *,
    recipient,
    email_template: str,
    context: dict,
    message: str | None = None,
    url: str = "",
) -> Notification | None:
    """Tell `recipient`: an in-app notification now, and an email after commit if instant.

    `message` defaults to the rendered email subject; `url` is a path inside
    Staffroom that the notification links to.
    """
    if not recipient.is_active:
        return None
    context = {"recipient": recipient, **context}
    if message is None:
        subject_context = {"site_url": settings.SITE_URL, **context}
        # Templates escape HTML; the message is plain text, escaped again when shown.
        message = unescape(
            render_to_string(f"emails/{email_template}_subject.txt", subject_context)
        )
    message = " ".join(message.split())
    if len(message) > NOTIFICATION_MESSAGE_MAX:
        message = message[: NOTIFICATION_MESSAGE_MAX - 1] + "…"
    notification = _once_per_task(
        Notification(recipient=recipient, message=message, url=_internal_path(url)),
        template=email_template,
    )
    # Queued even when this task already made the notification: the worker may have died
    # before the email left, and send_email skips anyone it already reached (SentEmail).
    if recipient.email_preference == EmailPreference.INSTANT:
        queue_email(to=[recipient.email], template=email_template, context=context)
    return notification


def _once_per_task(notification: Notification, *, template: str) -> Notification:
    """Save it, unless the task running this code already made it on an earlier try."""
    from hub.tasks import running_task_id

    # Its one constraint is checked here for a task's notification, and by the database
    # (caught below): full_clean validating it too would cost a query every time.
    notification.full_clean(validate_constraints=False)
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


def _internal_path(url: str) -> str:
    """Only paths inside Staffroom: a notification must never link people elsewhere."""
    url = (url or "").strip()
    if url.startswith(settings.SITE_URL):
        url = url[len(settings.SITE_URL) :] or "/"
    if not url.startswith("/") or url.startswith("//"):
        return ""
    return url[:500]
