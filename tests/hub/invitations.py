"""Reading the one-time link out of an invitation email."""

import re

from django.core import mail


def invitation_path(message=None) -> str:
    message = message or mail.outbox[-1]
    return re.search(r"https?://[^/\s]+(/invitations/[^/\s]+/)", message.body).group(1)
