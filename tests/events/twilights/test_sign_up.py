"""Signing up to present or take part: caps, the waitlist, cancelling, double submits and
bad input (told next to the field, nothing saved)."""

import pytest
from django.urls import reverse

from events.twilights import services
from events.twilights.models import PlaceState, TwilightRole, TwilightSignUp
from hub.models import NoticeKind, Notification
from tests.events.twilights.factories import PresenterFactory, SignUpFactory, in_days
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db


def sign_up_url(twilight) -> str:
    return reverse("events:twilight_sign_up", args=[twilight.pk])


PRESENTING = {
    "role": "presenter",
    "idea_title": "Mini whiteboards for hinge questions",
    "idea_summary": "Everyone answers at once.",
    "slot": "micro",
}


def test_a_colleague_from_a_partner_school_presents_an_idea(client, partner, twilight):
    client.force_login(partner)
    response = client.post(sign_up_url(twilight), PRESENTING, follow=True)
    entry = TwilightSignUp.objects.get()
    assert (entry.staff, entry.role, entry.state, entry.slot) == (
        partner,
        TwilightRole.PRESENTER,
        PlaceState.CONFIRMED,
        "micro",
    )
    page = response.content.decode()
    assert "You&#x27;re presenting! Thank you for sharing your idea." in page
    assert "Mini whiteboards for hinge questions" in page
    assert "Riverside Academy" in page


def test_taking_part_needs_no_idea(client, staff, twilight):
    client.force_login(staff)
    client.post(sign_up_url(twilight), {"role": "participant"})
    assert TwilightSignUp.objects.get().role == TwilightRole.PARTICIPANT


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"idea_title": ""}, "idea_title", "Give your idea a short title."),
        ({"slot": ""}, "slot", "Choose a nano (2 minutes) or micro (5 minutes) slot."),
        ({"slot": "an hour"}, "slot", "Select a valid choice"),
        ({"idea_title": "x" * 81}, "idea_title", "at most 80 characters"),
        ({"idea_summary": "x" * 501}, "idea_summary", "at most 500 characters"),
        ({"role": ""}, "role", "This field is required."),
    ],
)
def test_bad_input_is_told_next_to_the_field(client, partner, twilight, changes, field, message):
    client.force_login(partner)
    response = client.post(sign_up_url(twilight), PRESENTING | changes)
    assert response.status_code == 400
    assert message in str(response.context["sign_up_form"].errors[field])
    assert message.replace("'", "&#x27;")[:20] in response.content.decode()
    assert not TwilightSignUp.objects.exists()


def test_an_idea_with_html_is_shown_as_text(client, partner, twilight):
    client.force_login(partner)
    client.post(sign_up_url(twilight), PRESENTING | {"idea_title": "<b>Bold</b> questions"})
    page = client.get(twilight.get_absolute_url()).content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; questions" in page
    assert "<b>Bold</b>" not in page


def test_a_double_submit_keeps_one_place(client, partner, twilight):
    client.force_login(partner)
    client.post(sign_up_url(twilight), PRESENTING)
    client.post(sign_up_url(twilight), PRESENTING)
    assert TwilightSignUp.objects.count() == 1


def test_presenter_slots_are_capped_and_the_next_is_told_to_take_part(client, partner, twilight):
    twilight.presenter_cap = 1
    twilight.save()
    PresenterFactory(twilight=twilight)
    client.force_login(partner)
    response = client.post(sign_up_url(twilight), PRESENTING, follow=True)
    assert "All the presenter slots are taken. You can still sign up to take part." in (
        response.content.decode()
    )
    assert not TwilightSignUp.objects.filter(staff=partner).exists()


def test_beyond_capacity_participants_wait_and_a_cancellation_promotes_the_first(
    twilight, partner, staff
):
    twilight.capacity = 1
    twilight.save()
    first = services.sign_up(twilight_id=twilight.pk, staff=staff, role="participant")
    waiting = services.sign_up(twilight_id=twilight.pk, staff=partner, role="participant")
    assert (first.state, waiting.state) == (PlaceState.CONFIRMED, PlaceState.WAITLISTED)
    # Presenters have their own slots: a full room still takes a presenter.
    presenter = services.sign_up(
        twilight_id=twilight.pk,
        staff=StaffFactory(school=twilight.host_school),
        role="presenter",
        idea_title="Cold calling",
        slot="nano",
    )
    assert presenter.state == PlaceState.CONFIRMED

    services.cancel_sign_up(twilight_id=twilight.pk, staff=staff)

    waiting.refresh_from_db()
    assert waiting.state == PlaceState.CONFIRMED
    notice = Notification.objects.get(recipient=partner)
    assert notice.kind == NoticeKind.TWILIGHT
    assert "A place came free" in notice.message
    assert notice.link() == f"{twilight.get_absolute_url()}#sign-up"


def test_cancelling_through_the_page(client, partner, twilight):
    SignUpFactory(twilight=twilight, staff=partner)
    client.force_login(partner)
    response = client.post(reverse("events:twilight_cancel", args=[twilight.pk]), follow=True)
    assert "You&#x27;ve cancelled." in response.content.decode()
    assert TwilightSignUp.objects.get().state == PlaceState.CANCELLED


def test_no_sign_up_once_it_has_started(client, partner, network, school):
    from tests.events.twilights.factories import TwilightFactory

    started = TwilightFactory(network=network, host_school=school, starts_at=in_days(0, hour=0))
    client.force_login(partner)
    response = client.post(sign_up_url(started), {"role": "participant"}, follow=True)
    assert "Sign-ups closed when this twilight started." in response.content.decode()
    assert not TwilightSignUp.objects.exists()


def test_changing_role_means_cancelling_first(twilight, partner):
    services.sign_up(twilight_id=twilight.pk, staff=partner, role="participant")
    with pytest.raises(services.TwilightRefused, match="Cancel it first"):
        services.sign_up(
            twilight_id=twilight.pk,
            staff=partner,
            role="presenter",
            idea_title="Cold calling",
            slot="nano",
        )


def test_someone_outside_the_network_cannot_sign_up(client, outsider, twilight):
    client.force_login(outsider)
    assert client.post(sign_up_url(twilight), {"role": "participant"}).status_code == 404
    assert not TwilightSignUp.objects.exists()


def test_when_every_place_is_taken_the_page_says_taking_part_means_the_waitlist(
    client, partner, twilight
):
    twilight.capacity = 1
    twilight.save()
    SignUpFactory(twilight=twilight)
    client.force_login(partner)
    page = client.get(twilight.get_absolute_url()).content.decode()
    assert "Every place is taken: taking part puts you on the waitlist." in page


def test_an_idea_of_nothing_but_control_characters_is_refused_with_a_message(
    client, partner, twilight
):
    client.force_login(partner)
    response = client.post(sign_up_url(twilight), PRESENTING | {"idea_title": "\x01\x02"})
    assert response.status_code == 400
    assert "Give your idea a short title." in response.content.decode()
    assert not TwilightSignUp.objects.exists()
