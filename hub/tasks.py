from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(*, to: list[str], subject: str, text: str, html: str) -> int:
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    return message.send()


@task()
def send_notice_emails(*, notification_ids: list[int]) -> int:
    """One email per notification, for notices made in bulk by a job (hub.notifications)."""
    from django.core.mail import get_connection

    from hub.emails import render_email
    from hub.models import Notification

    notices = Notification.objects.filter(pk__in=notification_ids).select_related("recipient")
    messages = []
    for notice in notices:
        link = notice.link()
        if not link or not notice.recipient.is_active:
            continue
        context = {"recipient": notice.recipient, "message": notice.message, "notice_path": link}
        subject, text, html = render_email("notice", context)
        message = EmailMultiAlternatives(
            subject, text, settings.DEFAULT_FROM_EMAIL, [notice.recipient.email]
        )
        message.attach_alternative(html, "text/html")
        messages.append(message)
    return get_connection().send_messages(messages) or 0
