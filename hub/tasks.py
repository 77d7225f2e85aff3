"""The one task that talks to the mail server, and which task is running now.

Every email leaves through `send_email`, run by the task worker, never by a web
request: a slow mail server then costs a request nothing, and a reset request
for a real address answers as fast as one for an unknown address.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import TaskContext, task
from django_tasks.signals import task_finished, task_started

# The ids of the tasks running in this thread, innermost last (the immediate backend
# used by tests runs a queued task inside the one that queued it).
_running: ContextVar[tuple[str, ...]] = ContextVar("staffroom_running_tasks", default=())


def running_task_id() -> str | None:
    """The id of the task this code runs in, or None in a request or a periodic job."""
    stack = _running.get()
    return stack[-1] if stack else None


def _started(*, task_result, **kwargs) -> None:
    _running.set((*_running.get(), str(task_result.id)))


def _finished(*, task_result, **kwargs) -> None:
    _running.set(_running.get()[:-1])


def watch_running_tasks() -> None:
    task_started.connect(_started, dispatch_uid="staffroom_task_started")
    task_finished.connect(_finished, dispatch_uid="staffroom_task_finished")


@task(takes_context=True)
def send_email(
    context: TaskContext,
    *,
    to: list[str],
    subject: str,
    text: str,
    html: str,
    key: str = "",
    headers: dict[str, str] | None = None,
) -> int:
    """Send one message to each address not already sent under `key` (default: this task).

    Each address gets its own message (no one sees who else was told), recorded
    the moment the server accepts it, so a retry skips it.
    """
    from hub.models import SentEmail

    own_run = not key
    key = (key or str(context.task_result.id))[:200]
    done: set[str] = set()
    # On its first attempt, a task running under its own id cannot have sent anything yet.
    if not own_run or context.attempt > 1:
        done = set(
            SentEmail.objects.filter(key=key, recipient__in=to).values_list("recipient", flat=True)
        )
    sent = 0
    for address in to:
        if address in done:
            continue
        message = EmailMultiAlternatives(
            subject, text, settings.DEFAULT_FROM_EMAIL, [address], headers=headers or {}
        )
        message.attach_alternative(html, "text/html")
        sent += message.send()
        # Recorded the moment the server took it; one statement, and a second run of this
        # task at the same time (recorded first) is no error.
        SentEmail.objects.bulk_create(
            [SentEmail(key=key, recipient=address)], ignore_conflicts=True
        )
        done.add(address)
    return sent


@task()
def send_notice_emails(*, notification_ids: list[int]) -> int:
    """One email per notification, for notices made in bulk by a job (hub.notifications).

    Each is recorded under the notice's own key once the server takes it, so a retry
    of this task after its worker was lost sends no one the same notice twice.
    """
    from hub.emails import render_email
    from hub.models import Notification, SentEmail
    from hub.unsubscribe import BULK_NOTICE_KINDS, kind_label, unsubscribe_headers, unsubscribe_url

    notices = Notification.objects.filter(pk__in=notification_ids).select_related("recipient")
    keys = {notice.pk: f"notice:{notice.pk}" for notice in notices}
    done = set(SentEmail.objects.filter(key__in=keys.values()).values_list("key", flat=True))
    sent = 0
    for notice in notices:
        link = notice.link()
        if keys[notice.pk] in done or not link or not notice.recipient.is_active:
            continue
        context = {"recipient": notice.recipient, "message": notice.message, "notice_path": link}
        headers = {}
        if notice.kind in BULK_NOTICE_KINDS:
            url = unsubscribe_url(notice.recipient, notice.kind)
            context |= {"unsubscribe_url": url, "unsubscribe_label": kind_label(notice.kind)}
            headers = unsubscribe_headers(url)
        subject, text, html = render_email("notice", context)
        message = EmailMultiAlternatives(
            subject, text, settings.DEFAULT_FROM_EMAIL, [notice.recipient.email], headers=headers
        )
        message.attach_alternative(html, "text/html")
        sent += message.send()
        SentEmail.objects.bulk_create(
            [SentEmail(key=keys[notice.pk], recipient=notice.recipient.email)],
            ignore_conflicts=True,
        )
    return sent
