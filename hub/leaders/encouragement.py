"""Inviting a colleague who has not shared yet, kindly and at most once a half-term."""

from datetime import date

from django.db import IntegrityError, transaction

from hub.content import school_changed
from hub.lib.terms import half_term_containing
from hub.models import NoticeKind, ShareInvitation, Staff
from hub.notifications import notify


class AlreadyInvited(Exception):
    """This person has had an invitation this half-term: a second would be nagging."""

    def __init__(self, invitation: ShareInvitation):
        super().__init__(f"Already invited on {invitation.created_at:%-d %B}.")
        self.invitation = invitation


def invitation_this_half_term(*, recipient: Staff, today: date) -> ShareInvitation | None:
    start, _ = half_term_containing(today)
    return ShareInvitation.objects.filter(recipient=recipient, half_term_start=start).first()


def invitations_this_half_term(*, school, today: date) -> dict[int, ShareInvitation]:
    """This half-term's invitations in a school, by recipient: one query for the dashboard."""
    start, _ = half_term_containing(today)
    rows = ShareInvitation.objects.filter(school_id=school.pk, half_term_start=start).only(
        "pk", "recipient_id", "created_at"
    )
    return {row.recipient_id: row for row in rows}


def suggested_message(*, recipient: Staff, sent_by: Staff) -> str:
    first_name = recipient.name.split(" ")[0] if recipient.name else ""
    return (
        f"Hello {first_name},\n\n"
        "I would love to see one of your ideas on the Idea of the Week board: something "
        "that works in your classroom, however small. Colleagues really value seeing how "
        "others do things, and a post-it takes a minute.\n\n"
        f"Thank you,\n{sent_by.name}"
    )


def invite_to_share(
    *, sent_by: Staff, recipient: Staff, message: str, buddy: Staff | None, today: date
) -> ShareInvitation:
    """Record the invitation and tell the colleague (in the app; by email as they chose).

    Raises AlreadyInvited if they had one this half-term, including when two
    moderators (or a double-click) send at the same moment.
    """
    if existing := invitation_this_half_term(recipient=recipient, today=today):
        raise AlreadyInvited(existing)
    invitation = ShareInvitation(
        school_id=sent_by.school_id,
        recipient=recipient,
        sent_by=sent_by,
        buddy=buddy,
        message=message,
        half_term_start=half_term_containing(today)[0],
    )
    # The unique constraint is the database's answer to a race; checked above otherwise.
    invitation.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            invitation.save()
            school_changed(invitation.school_id)
            notify(
                recipient=recipient,
                kind=NoticeKind.SHARE_INVITATION,
                target=invitation,
                email_template="share_invitation",
                context={"invitation": invitation, "by": sent_by, "buddy": buddy},
                # Their own words, in the app too: someone who reads notices only in
                # Staffroom or the digest gets no email to read them in.
                message=f"{sent_by.name} invites you to share an idea: “{message}”",
            )
    except IntegrityError:
        raise AlreadyInvited(invitation_this_half_term(recipient=recipient, today=today)) from None
    return invitation
