from django.core import mail
from django.urls import reverse

from hub.models import Invitation
from hub.people import services
from tests.hub.people.invitations import invitation_path, invite


def resend(client, member):
    return client.post(reverse("hub:resend_invitation", args=[member.pk]))


def test_a_new_link_is_sent_and_the_old_one_stops_working(client_for, school_admin, sends):
    with sends():
        member = invite(school_admin)
    old_path = invitation_path()
    with sends():
        response = resend(client_for(school_admin), member)
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    new_path = invitation_path()
    assert new_path != old_path
    assert Invitation.objects.usable().count() == 1
    client = client_for(school_admin)
    client.post(reverse("logout"))
    assert client.get(old_path).status_code == 404
    assert client.get(new_path).status_code == 200


def test_someone_who_has_signed_in_is_not_re_invited(client_for, school_admin, staff, sends):
    staff.last_login = staff.date_joined
    staff.save()
    with sends():
        response = resend(client_for(school_admin), staff)
    assert mail.outbox == []
    page = client_for(school_admin).get(response.url).content.decode()
    assert "Only an active colleague who has not signed in yet" in page


def test_a_leaver_is_not_re_invited(client_for, school_admin, sends):
    with sends():
        member = invite(school_admin)
        services.staff_deactivate(staff=member, by=school_admin)
        resend(client_for(school_admin), member)
    assert len(mail.outbox) == 1


def test_another_schools_colleague_is_a_404(client_for, school_admin, outsider):
    assert resend(client_for(school_admin), outsider).status_code == 404
