"""Races between real connections: two answers at once, two asks at once."""

import pytest

from hub.models import JoinRequest, JoinStatus, Notification
from hub.networks import services
from tests.concurrency import run_at_once
from tests.factories import StaffFactory


@pytest.mark.django_db(transaction=True)
def test_two_leads_answering_at_once_leave_one_answer(
    trust, lead, trust_school, school, school_admin
):
    colleague = StaffFactory(school=trust_school)
    trust.leads.add(colleague)
    join_request, _ = services.ask_to_join(network=trust, school=school, by=school_admin)
    results = []
    errors = run_at_once(
        lambda: results.append(
            services.answer_join_request(join_request=join_request, by=lead, accept=True)
        ),
        lambda: results.append(
            services.answer_join_request(join_request=join_request, by=colleague, accept=False)
        ),
    )
    assert errors == []
    assert sorted(results) == [False, True]
    join_request.refresh_from_db()
    assert join_request.status in (JoinStatus.ACCEPTED, JoinStatus.DECLINED)
    in_network = trust.schools.filter(pk=school.pk).exists()
    assert in_network == (join_request.status == JoinStatus.ACCEPTED)
    assert Notification.objects.filter(recipient=school_admin).count() == 1


@pytest.mark.django_db(transaction=True)
def test_an_ask_and_an_invitation_at_once_make_one_open_question(trust, lead, school, school_admin):
    errors = run_at_once(
        lambda: services.ask_to_join(network=trust, school=school, by=school_admin),
        lambda: services.invite_school(network=trust, school=school, by=lead),
    )
    assert errors == []
    assert JoinRequest.objects.filter(status=JoinStatus.WAITING).count() == 1
