"""Emails: rendered from subject / text / HTML templates, sent by a task after commit.

Every HTML part extends `emails/base.html` (viewport, language, a 600 px column
that shrinks on a phone, readable type, a heading) and has its CSS moved into
`style` attributes by css-inline, since many mail clients drop a `<style>` block;
only the phone-width `@media` rules stay in one, where clients that honour them
look for them.
"""

from html import unescape

import css_inline
from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string

# Never fetches anything: every email's CSS is in its own template.
_inliner = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def queue_email(
    *,
    to: list[str],
    template: str,
    context: dict,
    unsubscribe: tuple | None = None,
) -> None:
    """Render `emails/<template>_subject.txt`, `.txt` and `.html` and send them by task.

    `unsubscribe=(staff, kind)` marks a bulk email (hub.unsubscribe): a one-click
    link for that person and kind in the footer and the List-Unsubscribe headers.
    Queued on commit, so a rolled-back change never sends mail.
    """
    if not to:
        return
    headers = {}
    if unsubscribe is not None:
        from hub.unsubscribe import kind_label, unsubscribe_headers, unsubscribe_url

        staff, kind = unsubscribe
        url = unsubscribe_url(staff, kind)
        context = {**context, "unsubscribe_url": url, "unsubscribe_label": kind_label(kind)}
        headers = unsubscribe_headers(url)
    subject, text, html = render_email(template, context)
    from hub.tasks import running_task_id, send_email

    # Queued from a task (a digest, reminders): if that task is run again after its
    # worker was lost, the same key lets send_email skip whoever already has it.
    outer = running_task_id()
    key = f"{outer}:{template}" if outer else ""
    transaction.on_commit(
        lambda: send_email.enqueue(
            to=list(to), subject=subject, text=text, html=html, key=key, headers=headers
        )
    )


def render_email(template: str, context: dict) -> tuple[str, str, str]:
    """Subject, text and HTML (CSS inlined) of `emails/<template>*`."""
    context = {"site_url": settings.SITE_URL, **context}
    # A subject is plain text: undo the template's HTML escaping (“Sam&#x27;s idea”).
    subject = unescape(
        " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    )
    # The text part is never read as HTML either: "pupil's", not "pupil&#x27;s".
    text = unescape(render_to_string(f"emails/{template}.txt", context))
    if context.get("unsubscribe_url"):
        text = (
            f"{text.rstrip()}\n\n{unescape(render_to_string('emails/_unsubscribe.txt', context))}"
        )
    html = inline_css(render_to_string(f"emails/{template}.html", {**context, "subject": subject}))
    return subject, text, html


def inline_css(html: str) -> str:
    return _inliner.inline(html)
