"""Writes that touch several models or send mail: staff invitations and changes."""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hub.content import school_changed
from hub.emails import queue_email
from hub.models import Invitation, School, Staff
from hub.people.staff_import import ImportCheck


def _send_invitation(staff: Staff, invited_by: Staff | None) -> None:
    invitation, token = Invitation.issue(staff=staff, invited_by=invited_by)
    queue_email(
        to=[staff.email],
        template="invitation",
        context={
            "staff": staff,
            "invited_by": invited_by,
            "school": staff.school,
            "accept_path": reverse("accept_invitation", args=[token]),
            "expires_at": invitation.expires_at,
        },
    )


def staff_invite(
    *, school: School, email: str, full_name: str, role: str, invited_by: Staff
) -> Staff | None:
    """Invite a new colleague; None when the address has an account at another school.

    The admin is told the same either way (telling them would say which addresses
    have accounts elsewhere); the account's owner is emailed instead.
    """
    email = email.lower()
    elsewhere = Staff.objects.filter(email=email).exclude(school=school).first()
    if elsewhere is not None:
        _tell_account_elsewhere(elsewhere, school=school, invited_by=invited_by)
        return None
    with transaction.atomic():
        staff = Staff(email=email, full_name=full_name, role=role, school=school)
        staff.set_unusable_password()
        staff.full_clean()
        staff.save()
        school_changed(school.pk)
        _send_invitation(staff, invited_by)
    return staff


def _tell_account_elsewhere(staff: Staff, *, school: School, invited_by: Staff) -> None:
    with transaction.atomic():
        queue_email(
            to=[staff.email],
            template="invitation_elsewhere",
            context={"staff": staff, "school": school, "invited_by": invited_by},
        )


def staff_resend_invitation(*, staff: Staff, invited_by: Staff) -> None:
    with transaction.atomic():
        # An older link stops working once a new one is sent.
        staff.invitations.filter(accepted_at__isnull=True).update(expires_at=timezone.now())
        _send_invitation(staff, invited_by)


def staff_import(*, school: School, checked: ImportCheck, invited_by: Staff) -> list[Staff | None]:
    """Create and invite every row of an already checked file, all or nothing (None for an
    address with an account at another school, whose owner is emailed: see staff_invite)."""
    if not checked.ok:
        raise ValueError("Only a file with no errors can be imported.")
    with transaction.atomic():
        return [
            staff_invite(
                school=school,
                email=row.email,
                full_name=row.full_name,
                role=row.role,
                invited_by=invited_by,
            )
            for row in checked.rows
        ]


def invitation_accept(*, invitation: Invitation, password: str) -> Staff:
    with transaction.atomic():
        claimed = (
            Invitation.objects.usable().filter(pk=invitation.pk).update(accepted_at=timezone.now())
        )
        if not claimed:
            raise ValueError("This invitation has already been used or has expired.")
        staff = invitation.staff
        staff.set_password(password)
        staff.save(update_fields=["password"])
        # A colleague joins (the staff list and dashboard show who has): not a sign-in.
        school_changed(staff.school_id)
    return staff


def staff_deactivate(*, staff: Staff, by: Staff) -> None:
    """A leaver can no longer sign in; everything they shared stays, still theirs."""
    if staff.pk == by.pk:
        raise ValueError("You cannot deactivate your own account.")
    with transaction.atomic():
        staff.is_active = False
        staff.deactivated_at = timezone.now()
        staff.save(update_fields=["is_active", "deactivated_at"])
        staff.invitations.filter(accepted_at__isnull=True).update(expires_at=timezone.now())
        school_changed(staff.school_id)


def staff_reactivate(*, staff: Staff) -> None:
    staff.is_active = True
    staff.deactivated_at = None
    with transaction.atomic():
        staff.save(update_fields=["is_active", "deactivated_at"])
        school_changed(staff.school_id)


def staff_change_role(
    *,
    staff: Staff,
    by: Staff,
    role: str,
    is_moderator: bool,
    is_school_admin: bool,
    manages_settings: bool = False,
) -> None:
    if staff.pk == by.pk and not is_school_admin:
        raise ValueError("You cannot remove your own admin rights; ask another admin.")
    staff.role = role
    staff.is_moderator = is_moderator
    staff.is_school_admin = is_school_admin
    staff.manages_settings = manages_settings
    staff.full_clean()
    with transaction.atomic():
        staff.save(update_fields=["role", "is_moderator", "is_school_admin", "manages_settings"])
        school_changed(staff.school_id)
