"""Writes for networks: joining (asked or invited, then answered), leaving, and who leads.

Every change is race-safe and idempotent: a waiting question is one row the database
keeps unique, an answer is a conditional UPDATE on its status, and a double submit
finds the work already done and does nothing twice. Each writes an audit row and tells
the other side, with a link to the request or the network.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from hub.access import may_change_school_settings
from hub.content import schools_changed
from hub.models import (
    AuditEntry,
    JoinDirection,
    JoinRequest,
    JoinStatus,
    Network,
    NoticeKind,
    School,
    Staff,
)
from hub.networks.access import leads_network, require_network_lead
from hub.notifications import notify


class AlreadyMember(ValidationError):
    pass


def _audit(*, school_id: int, actor, action: str, target, title: str, reason: str = "") -> None:
    AuditEntry.objects.create(
        school_id=school_id,
        actor=actor,
        action=action,
        target=target,
        target_title=title[:200],
        reason=reason[:500],
    )


def _tell(recipient, *, target, message: str, quote: str = "") -> None:
    notify(
        recipient=recipient,
        kind=NoticeKind.NETWORK,
        target=target,
        email_template="notice",
        context={"message": message, "quote": quote},
        message=message,
    )


def school_deciders(school_id: int) -> list[Staff]:
    """Who answers for a school: its admins and whoever runs its settings (the head)."""
    # The same flags as hub.access.may_change_school_settings, asked of the database.
    return list(
        Staff.objects.filter(school_id=school_id, is_active=True).filter(
            Q(is_school_admin=True) | Q(manages_settings=True)
        )
    )


def _member_school_ids(network: Network) -> list[int]:
    return list(network.schools.values_list("pk", flat=True))


def _open_question(*, network, school, direction: str, by, message: str):
    """The waiting request between them, made now or found (a double submit, or the
    other side asked first); returns (request, made_now)."""
    if network.schools.filter(pk=school.pk).exists():
        raise AlreadyMember(f"{school.name} is already in {network.name}.")
    join_request = JoinRequest(
        network=network, school=school, direction=direction, made_by=by, message=message.strip()
    )
    join_request.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            join_request.save()
    except IntegrityError:  # One is already waiting: that one stands.
        return JoinRequest.objects.get(
            network=network, school=school, status=JoinStatus.WAITING
        ), False
    return join_request, True


def ask_to_join(*, network: Network, school: School, by, message: str = "") -> tuple:
    """The school asks to join; every lead is told. Returns (request, made_now)."""
    if not may_change_school_settings(by) or by.school_id != school.pk:
        raise PermissionDenied("Only your school's admins and head may ask to join a network.")
    with transaction.atomic():
        join_request, made = _open_question(
            network=network, school=school, direction=JoinDirection.ASKED, by=by, message=message
        )
        if made:
            _audit(
                school_id=school.pk,
                actor=by,
                action="network_ask",
                target=join_request,
                title=f"Asked to join {network.name}",
                reason=join_request.message,
            )
            for lead in network.leads.filter(is_active=True):
                _tell(
                    lead,
                    target=join_request,
                    message=f"{school.name} asks to join {network.name}",
                    quote=join_request.message,
                )
    return join_request, made


def invite_school(*, network: Network, school: School, by, message: str = "") -> tuple:
    """A lead invites a school on Staffroom; its admins and head are told."""
    require_network_lead(by, network)
    with transaction.atomic():
        join_request, made = _open_question(
            network=network, school=school, direction=JoinDirection.INVITED, by=by, message=message
        )
        if made:
            _audit(
                school_id=school.pk,
                actor=by,
                action="network_invite",
                target=join_request,
                title=f"{network.name} invited {school.name}",
                reason=join_request.message,
            )
            for person in school_deciders(school.pk):
                _tell(
                    person,
                    target=join_request,
                    message=f"{by.name} invites {school.name} to join {network.name}",
                    quote=join_request.message,
                )
    return join_request, made


def may_answer(person, join_request: JoinRequest) -> bool:
    """An ask is for the network's leads to answer; an invitation for the school's deciders."""
    if join_request.answered_by_school:
        return person.school_id == join_request.school_id and may_change_school_settings(person)
    return leads_network(person, join_request.network)


def answer_join_request(*, join_request: JoinRequest, by, accept: bool, note: str = "") -> bool:
    """Accept or decline; False if it was answered already (a double submit, or a
    colleague answered first), in which case nothing changes."""
    if not may_answer(by, join_request):
        raise PermissionDenied("This is for the other side to answer.")
    status = JoinStatus.ACCEPTED if accept else JoinStatus.DECLINED
    note = note.strip()
    with transaction.atomic():
        changed = JoinRequest.objects.filter(pk=join_request.pk, status=JoinStatus.WAITING).update(
            status=status, answered_by=by, answer_note=note, answered_at=timezone.now()
        )
        join_request.refresh_from_db()
        if not changed:
            return False
        network, school = join_request.network, join_request.school
        if accept:
            network.schools.add(school)
            # The joining school's pages and every member's now include each other.
            schools_changed(_member_school_ids(network))
        verb = "accepted" if accept else "declined"
        _audit(
            school_id=school.pk,
            actor=by,
            action=f"network_{verb}",
            target=join_request,
            title=f"{school.name} and {network.name}: {verb}",
            reason=note,
        )
        if join_request.answered_by_school:
            message = f"{school.name} {verb} the invitation to join {network.name}"
        else:
            message = f"{network.name} {verb} {school.name}’s request to join"
        _tell(join_request.made_by, target=join_request, message=message, quote=note)
    return True


def leave_network(*, network: Network, school: School, by) -> bool:
    """The school leaves; the leads are told. False if it had already left."""
    if not may_change_school_settings(by) or by.school_id != school.pk:
        raise PermissionDenied("Only your school's admins and head may leave a network.")
    with transaction.atomic():
        # Locks the network's row, so two clicks on "Leave" remove and tell once.
        Network.objects.select_for_update().get(pk=network.pk)
        if not network.schools.filter(pk=school.pk).exists():
            return False
        members = _member_school_ids(network)
        network.schools.remove(school)
        schools_changed(members)
        _audit(
            school_id=school.pk,
            actor=by,
            action="network_leave",
            target=network,
            title=f"{school.name} left {network.name}",
        )
        for lead in network.leads.filter(is_active=True).exclude(pk=by.pk):
            _tell(lead, target=network, message=f"{school.name} has left {network.name}")
    return True


def add_lead(*, network: Network, person: Staff, by) -> bool:
    """Make a colleague at a member school a lead; False if they already lead it."""
    require_network_lead(by, network)
    if not network.schools.filter(pk=person.school_id).exists() or not person.is_active:
        raise ValidationError("Leads are staff at one of the network’s schools.")
    with transaction.atomic():
        Network.objects.select_for_update().get(pk=network.pk)
        if network.leads.filter(pk=person.pk).exists():
            return False
        network.leads.add(person)
        _audit(
            school_id=person.school_id,
            actor=by,
            action="network_add_lead",
            target=network,
            title=f"{person.name} now leads {network.name}",
        )
        _tell(person, target=network, message=f"{by.name} made you a lead of {network.name}")
    return True


def remove_lead(*, network: Network, person: Staff, by) -> bool:
    """Stop a colleague leading; the last lead stays, so a network is never unrun."""
    require_network_lead(by, network)
    with transaction.atomic():
        Network.objects.select_for_update().get(pk=network.pk)
        if not network.leads.filter(pk=person.pk).exists():
            return False
        if network.leads.count() == 1:
            raise ValidationError(
                "A network needs at least one lead: add another before this one steps down."
            )
        network.leads.remove(person)
        _audit(
            school_id=person.school_id or by.school_id,
            actor=by,
            action="network_remove_lead",
            target=network,
            title=f"{person.name} no longer leads {network.name}",
        )
        if person.pk != by.pk:
            _tell(
                person,
                target=network,
                message=f"{by.name} took you off the leads of {network.name}",
            )
    return True
