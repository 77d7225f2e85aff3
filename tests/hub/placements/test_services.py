"""A placement's steps: propose, agree, both heads approve; each step once, by the right
person, telling the next one; withdrawn before it starts; never over the host's places."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hub.models import NoticeKind, Notification, Placement, PlacementState
from hub.placements import services
from tests.factories import StaffFactory
from tests.hub.placements.factories import make_ask, make_placement, soon

pytestmark = pytest.mark.django_db


def notices_for(person) -> list[str]:
    return list(
        Notification.objects.filter(recipient=person, kind=NoticeKind.PLACEMENT).values_list(
            "message", flat=True
        )
    )


def test_a_placement_is_proposed_agreed_and_approved_by_both_heads(
    staff, host, ask, offer, head, partner_head
):
    placement, new = services.placement_propose(by=staff, ask=ask, offer=offer, starts_on=soon(2))
    assert new and placement.state == PlacementState.PROPOSED and placement.cross_phase is False
    assert notices_for(host) == [f"{staff.name} proposed a work-shadowing placement: {ask.focus}."]

    assert services.placement_respond(placement=placement, by=host, agree=True)
    placement.refresh_from_db()
    assert placement.state == PlacementState.AGREED
    assert len(notices_for(head)) == 1 and len(notices_for(partner_head)) == 1
    assert notices_for(staff) == [f"{host.name} agreed: now both heads approve."]

    assert services.placement_decide(placement=placement, by=head, approve=True)
    placement.refresh_from_db()
    assert placement.state == PlacementState.AGREED and placement.visitor_head == head
    assert services.placement_decide(placement=placement, by=partner_head, approve=True)
    placement.refresh_from_db()
    assert placement.state == PlacementState.APPROVED and placement.approved_at
    assert "Both heads approved your work-shadowing placement." in notices_for(staff)
    assert "Both heads approved your work-shadowing placement." in notices_for(host)
    link = Notification.objects.filter(recipient=host).first().link()
    assert link == f"/placements/{placement.pk}/"


def test_proposing_twice_makes_one_placement(staff, host, ask, offer):
    first, new = services.placement_propose(by=staff, ask=ask, offer=offer, starts_on=soon(2))
    again, new_again = services.placement_propose(by=host, ask=ask, offer=offer, starts_on=soon(3))
    assert (new, new_again) == (True, False)
    assert again == first and Placement.objects.count() == 1


def test_agreeing_twice_changes_it_once_and_the_proposer_cannot_agree(staff, host, ask, offer):
    placement = make_placement(ask, offer)
    with pytest.raises(PermissionDenied):
        services.placement_respond(placement=placement, by=staff, agree=True)
    with pytest.raises(PermissionDenied):
        services.placement_respond(placement=placement, by=StaffFactory(), agree=True)
    assert services.placement_respond(placement=placement, by=host, agree=True) is True
    assert services.placement_respond(placement=placement, by=host, agree=True) is False
    with pytest.raises(ValidationError):  # a forged "decline" after agreeing
        services.placement_respond(placement=placement, by=host, agree=False)
    assert Placement.objects.get().state == PlacementState.AGREED


def test_only_each_schools_head_approves_and_twice_is_once(
    staff, host, ask, offer, head, partner_head, moderator, school_admin
):
    placement = make_placement(ask, offer, state=PlacementState.AGREED)
    for not_a_head in (staff, host, moderator, StaffFactory(manages_settings=True)):
        with pytest.raises(PermissionDenied):
            services.placement_decide(placement=placement, by=not_a_head, approve=True)
    assert services.placement_decide(placement=placement, by=head, approve=True) is True
    # The school's admin approves for the same school: already done, nothing changes.
    assert services.placement_decide(placement=placement, by=school_admin, approve=True) is False
    assert Placement.objects.get().visitor_head == head


def test_a_head_cannot_approve_before_the_two_agree(ask, offer, head):
    placement = make_placement(ask, offer)
    with pytest.raises(ValidationError):
        services.placement_decide(placement=placement, by=head, approve=True)
    assert Placement.objects.get().visitor_head_at is None


def test_a_head_who_declines_ends_it_and_both_are_told(staff, host, ask, offer, partner_head):
    placement = make_placement(ask, offer, state=PlacementState.AGREED)
    assert services.placement_decide(placement=placement, by=partner_head, approve=False)
    assert Placement.objects.get().state == PlacementState.DECLINED
    assert (
        notices_for(staff)
        == notices_for(host)
        == [f"{partner_head.name} could not approve the placement."]
    )


def test_a_past_or_unsuitable_first_day_is_refused(staff, ask, offer):
    for day in (timezone.localdate(), timezone.localdate() - timedelta(days=3), soon(30)):
        with pytest.raises(ValidationError) as error:
            services.placement_propose(by=staff, ask=ask, offer=offer, starts_on=day)
        assert "starts_on" in error.value.message_dict
    assert "so that all 2 days fit by" in error.value.message_dict["starts_on"][0]
    assert not Placement.objects.exists()


def test_only_the_asker_or_the_host_proposes(ask, offer, moderator):
    with pytest.raises(PermissionDenied):
        services.placement_propose(by=moderator, ask=ask, offer=offer, starts_on=soon(2))


def test_an_offer_that_does_not_suit_cannot_be_proposed(trust, staff, offer):
    unrelated = make_ask(trust, staff, focus="Marking in science", tags=["marking"])
    with pytest.raises(ValidationError):
        services.placement_propose(by=staff, ask=unrelated, offer=offer, starts_on=soon(2))


def test_agreeing_never_takes_more_places_than_the_host_has(trust, school, host, ask, offer):
    other_ask = make_ask(trust, StaffFactory(school=school))
    first = make_placement(ask, offer)
    second = make_placement(other_ask, offer)
    services.placement_respond(placement=first, by=host, agree=True)
    with pytest.raises(ValidationError, match="no place left"):
        services.placement_respond(placement=second, by=host, agree=True)
    assert Placement.objects.get(pk=second.pk).state == PlacementState.PROPOSED


def test_either_side_withdraws_before_it_starts_and_the_other_hears(staff, host, ask, offer):
    placement = make_placement(ask, offer, state=PlacementState.APPROVED)
    assert services.placement_withdraw(placement=placement, by=host) is True
    assert services.placement_withdraw(placement=placement, by=host) is False
    assert Placement.objects.get().state == PlacementState.WITHDRAWN
    assert notices_for(staff) == [f"{host.name} withdrew from the work-shadowing placement."]


def test_a_placement_that_has_started_cannot_be_withdrawn(staff, ask, offer):
    placement = make_placement(ask, offer, starts_on=timezone.localdate())
    with pytest.raises(ValidationError):
        services.placement_withdraw(placement=placement, by=staff)
    with pytest.raises(PermissionDenied):
        services.placement_withdraw(placement=placement, by=StaffFactory())


def test_the_proposal_email_links_to_the_placement(
    staff, host, ask, offer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        placement, _ = services.placement_propose(by=staff, ask=ask, offer=offer, starts_on=soon(2))
    [email] = mail.outbox
    assert email.to == [host.email]
    assert email.subject == f"{staff.name} proposed a work-shadowing placement: {ask.focus}."
    assert f"/placements/{placement.pk}/" in email.body
