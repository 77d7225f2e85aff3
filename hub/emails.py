"""Emails: rendered from subject / text / HTML templates, sent by a task after commit."""

from html import unescape

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string


def queue_email(*, to: list[str], template: str, context: dict) -> None:
    """Render `emails/<template>_subject.txt`, `.txt` and `.html` and send them by task.

    Queued on commit, so a rolled-back change never sends mail.
    """
    if not to:
        return
    subject, text, html = render_email(template, context)
    from hub.tasks import running_task_id, send_email

    # Queued from a task (a digest, reminders): if that task is run again after its
    # worker was lost, the same key lets send_email skip whoever already has it.
    outer = running_task_id()
    key = f"{outer}:{template}" if outer else ""
    transaction.on_commit(
        lambda: send_email.enqueue(to=list(to), subject=subject, text=text, html=html, key=key)
    )


def render_email(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, text and HTML of `emails/<template>*`."""
    context = {"site_url": settings.SITE_URL, **context}
    # A subject is plain text: undo the template's HTML escaping (“Sam&#x27;s idea”).
    subject = unescape(
        " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    )
    # The text part is never read as HTML either: "pupil's", not "pupil&#x27;s".
    text = unescape(render_to_string(f"emails/{template}.txt", context))
    html = render_to_string(f"emails/{template}.html", context)
    return subject, text, html
