"""Telling one person that something happened to them or their work.

Features call `notify()` rather than sending mail themselves, so that how a
person is told (email now, and where they read it) is decided in one place.
"""

from hub.emails import queue_email


def notify(*, recipient, email_template: str, context: dict) -> None:
    """Tell `recipient` by email (rendered from `emails/<email_template>*`), after commit."""
    if not recipient.is_active:
        return
    queue_email(
        to=[recipient.email],
        template=email_template,
        context={"recipient": recipient, **context},
    )
