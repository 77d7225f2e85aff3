"""Inviting a colleague as the staff pages do, and reading the one-time link out of the email."""

import re

from django.core import mail

from hub.people import services


def invite(school_admin):
    return services.staff_invite(
        school=school_admin.school,
        email="nia@oakfield.example",
        full_name="Nia New",
        role="teacher",
        invited_by=school_admin,
    )


def invitation_path(message=None) -> str:
    message = message or mail.outbox[-1]
    return re.search(r"https?://[^/\s]+(/invitations/[^/\s]+/)", message.body).group(1)
