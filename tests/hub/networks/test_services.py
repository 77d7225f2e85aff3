"""Joining, leaving and leading a network: each step once, told to the other side, audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hub.models import AuditEntry, JoinRequest, JoinStatus, Notification
from hub.networks import services
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def test_a_school_admin_asks_and_every_lead_is_told_with_a_link(trust, lead, school, school_admin):
    join_request, made = services.ask_to_join(
        network=trust, school=school, by=school_admin, message="We'd love to join."
    )
    assert made and join_request.status == JoinStatus.WAITING
    notice = Notification.objects.get(recipient=lead)
    assert notice.message == f"{school.name} asks to join {trust.name}"
    assert notice.link() == f"/networks/requests/{join_request.pk}/"
    assert AuditEntry.objects.filter(school=school, action="network_ask").count() == 1


def test_asking_twice_makes_one_request_and_tells_the_leads_once(trust, lead, school, school_admin):
    first, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    second, made = services.ask_to_join(network=trust, school=school, by=school_admin)
    assert second == first and not made
    assert JoinRequest.objects.count() == 1
    assert Notification.objects.filter(recipient=lead).count() == 1


def test_a_lead_inviting_a_school_that_already_asked_finds_the_ask(
    trust, lead, school, school_admin
):
    asked, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    invited, made = services.invite_school(network=trust, school=school, by=lead)
    assert invited == asked and not made


def test_only_the_admins_and_head_may_ask(trust, school, staff, moderator):
    for person in (staff, moderator):
        with pytest.raises(PermissionDenied):
            services.ask_to_join(network=trust, school=school, by=person)
    moderator.manages_settings = True
    services.ask_to_join(network=trust, school=school, by=moderator)


def test_a_member_school_cannot_ask_again(trust, trust_school, lead):
    admin = StaffFactory(school=trust_school, is_school_admin=True)
    with pytest.raises(services.AlreadyMember):
        services.ask_to_join(network=trust, school=trust_school, by=admin)


def test_a_lead_accepts_once_and_the_asker_is_told(trust, lead, school, school_admin):
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    assert services.answer_join_request(
        join_request=join_request, by=lead, accept=True, note="Welcome!"
    )
    assert not services.answer_join_request(join_request=join_request, by=lead, accept=False)
    join_request.refresh_from_db()
    assert join_request.status == JoinStatus.ACCEPTED and join_request.answer_note == "Welcome!"
    assert trust.schools.filter(pk=school.pk).exists()
    told = Notification.objects.get(recipient=school_admin)
    assert told.message == f"{trust.name} accepted {school.name}’s request to join"
    assert told.link() == join_request.get_absolute_url()
    assert AuditEntry.objects.filter(action="network_accepted").count() == 1


def test_a_declined_school_stays_out_and_may_ask_again_later(trust, lead, school, school_admin):
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    services.answer_join_request(join_request=join_request, by=lead, accept=False, note="Not yet")
    assert not trust.schools.filter(pk=school.pk).exists()
    again, made = services.ask_to_join(network=trust, school=school, by=school_admin)
    assert made and again != join_request


def test_the_asking_school_cannot_answer_its_own_ask(trust, school, school_admin):
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    with pytest.raises(PermissionDenied):
        services.answer_join_request(join_request=join_request, by=school_admin, accept=True)


def test_an_invitation_is_answered_by_the_school_not_the_lead(trust, lead, school, school_admin):
    invitation, _ = services.invite_school(network=trust, school=school, by=lead, message="Join us")
    assert Notification.objects.get(recipient=school_admin).link() == invitation.get_absolute_url()
    with pytest.raises(PermissionDenied):
        services.answer_join_request(join_request=invitation, by=lead, accept=True)
    services.answer_join_request(join_request=invitation, by=school_admin, accept=True)
    assert trust.schools.filter(pk=school.pk).exists()
    told = Notification.objects.get(recipient=lead)
    assert told.message == f"{school.name} accepted the invitation to join {trust.name}"


def test_only_a_lead_may_invite(trust, trust_school, school):
    member = StaffFactory(school=trust_school)
    with pytest.raises(PermissionDenied):
        services.invite_school(network=trust, school=school, by=member)


def test_leaving_removes_the_school_once_and_tells_the_leads(trust, lead, school, school_admin):
    trust.schools.add(school)
    assert services.leave_network(network=trust, school=school, by=school_admin)
    assert not services.leave_network(network=trust, school=school, by=school_admin)
    assert not trust.schools.filter(pk=school.pk).exists()
    assert (
        Notification.objects.get(recipient=lead).message == f"{school.name} has left {trust.name}"
    )
    assert AuditEntry.objects.filter(action="network_leave").count() == 1


def test_leads_add_colleagues_at_member_schools_and_keep_at_least_one(trust, lead, trust_school):
    colleague = StaffFactory(school=trust_school)
    assert services.add_lead(network=trust, person=colleague, by=lead)
    assert not services.add_lead(network=trust, person=colleague, by=lead)
    assert Notification.objects.get(recipient=colleague).link() == trust.get_absolute_url()
    with pytest.raises(ValidationError):
        services.add_lead(network=trust, person=StaffFactory(), by=lead)
    assert services.remove_lead(network=trust, person=lead, by=colleague)
    with pytest.raises(ValidationError):
        services.remove_lead(network=trust, person=colleague, by=colleague)
    assert list(trust.leads.all()) == [colleague]
