"""The placement pages: bad input is answered beside the field and changes nothing, what
people type is shown as text, an approved placement is in both records, and the lists
and matches cost the same queries for 2 rows as for 30."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from hub.models import Placement, PlacementAsk, PlacementOffer, PlacementState
from tests.factories import SchoolFactory, StaffFactory
from tests.hub.placements.factories import make_ask, make_offer, make_placement, soon

pytestmark = pytest.mark.django_db

GOOD_ASK = {
    "focus": "SEND provision",
    "tags_text": "send, sensory breaks",
    "phases": ["primary", "secondary"],
    "cross_phase": "on",
    "earliest": soon().isoformat(),
    "latest": soon(20).isoformat(),
    "days": "2",
    "why": "To see a resource base at work.",
}


def post_ask(client, trust, **changes):
    data = {**GOOD_ASK, **changes}
    return client.post(reverse("hub:ask_for_placement", args=[trust.pk]), data)


def test_an_ask_is_shared_and_leads_to_its_matches(client_for, staff, trust, offer):
    response = post_ask(client_for(staff), trust, focus="Cross-phase transition")
    ask = PlacementAsk.objects.get()
    assert response.status_code == 302 and response.url == ask.get_absolute_url()
    assert sorted(ask.tags.names()) == ["send", "sensory breaks"]
    page = client_for(staff).get(ask.get_absolute_url())
    assert "Suggested hosts" in page.text and offer.host.name in page.text
    assert "Propose" in page.text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"focus": "  "}, "focus", "Say what you would like to see."),
        ({"focus": "x" * 121}, "focus", "Keep it to 120 characters or fewer."),
        ({"why": "y" * 601}, "why", "Keep it to 600 characters or fewer."),
        ({"phases": []}, "phases", "Choose at least one phase."),
        ({"earliest": "2020-01-06"}, "earliest", "Choose a day after today."),
        ({"latest": soon(-1).isoformat()}, "latest", "Choose a day on or after the first one."),
        ({"latest": soon().isoformat()}, "latest", "Leave room for all 2 days"),
        ({"days": "11"}, "days", "less than or equal to 10"),
        ({"tags_text": "a, b, c, d, e, f"}, "tags_text", "Choose at most 5 tags."),
    ],
)
def test_bad_input_is_answered_beside_the_field(client_for, staff, trust, changes, field, message):
    response = post_ask(client_for(staff), trust, **changes)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not PlacementAsk.objects.exists()


def test_html_typed_into_an_ask_is_shown_as_text(client_for, staff, trust):
    post_ask(client_for(staff), trust, focus="<script>alert(1)</script>", why="<b>bold</b>")
    page = client_for(staff).get(PlacementAsk.objects.get().get_absolute_url()).text
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page


def test_an_offer_with_bad_dates_or_capacity_changes_nothing(client_for, host, trust):
    data = {
        "focus": "SEND provision",
        "phase": "secondary",
        "available_from": (timezone.localdate() - timedelta(days=1)).isoformat(),
        "available_until": soon().isoformat(),
        "capacity": "0",
        "days_note": "z" * 121,
    }
    response = client_for(host).post(reverse("hub:offer_to_host", args=[trust.pk]), data)
    errors = response.context["form"].errors
    assert response.status_code == 400
    assert set(errors) == {"available_from", "capacity", "days_note"}
    assert not PlacementOffer.objects.exists()


def test_a_double_submitted_proposal_makes_one_placement(client_for, staff, ask, offer):
    client = client_for(staff)
    url = reverse("hub:propose_placement", args=[ask.network_id, ask.pk, offer.pk])
    data = {f"offer-{offer.pk}-starts_on": soon(2).isoformat()}
    first, second = client.post(url, data), client.post(url, data)
    placement = Placement.objects.get()
    assert first.url == second.url == placement.get_absolute_url()


def test_a_proposal_for_a_past_day_is_refused_with_a_message(client_for, staff, ask, offer):
    url = reverse("hub:propose_placement", args=[ask.network_id, ask.pk, offer.pk])
    data = {f"offer-{offer.pk}-starts_on": timezone.localdate().isoformat()}
    response = client_for(staff).post(url, data, follow=True)
    assert "Choose a day after today." in response.text
    assert not Placement.objects.exists()


def test_a_forged_state_change_is_refused_and_changes_nothing(client_for, host, ask, offer):
    placement = make_placement(ask, offer, state=PlacementState.WITHDRAWN)
    url = reverse("hub:respond_to_placement", args=[placement.pk])
    response = client_for(host).post(url, {"decision": "agree"}, follow=True)
    assert "nothing was changed" in response.text
    assert Placement.objects.get().state == PlacementState.WITHDRAWN


def test_an_approved_placement_is_in_both_records(client_for, staff, host, ask, offer):
    make_placement(ask, offer, state=PlacementState.APPROVED, approved_at=timezone.now())
    mine = client_for(staff).get(reverse("hub:my_learning")).text
    assert "Work-shadowing at" in mine and "Riverside Academy" in mine
    theirs = client_for(host).get(reverse("hub:my_learning")).text
    assert "Hosting" in theirs and staff.name in theirs
    colleague = StaffFactory(school=staff.school)
    profile = client_for(colleague).get(reverse("hub:profile", args=[staff.pk])).text
    assert "Work-shadowing" in profile and "Visited Grace Adeyemi" in profile


def test_a_placement_not_yet_approved_is_on_no_profile(client_for, staff, ask, offer):
    make_placement(ask, offer, state=PlacementState.AGREED)
    profile = client_for(staff).get(reverse("hub:profile", args=[staff.pk])).text
    assert "Work-shadowing" not in profile


def _fill(trust, school, partner, count):
    for _ in range(count):
        asker = StaffFactory(school=school)
        make_ask(trust, asker, tags=["transition", "year 6"])
        make_offer(trust, StaffFactory(school=partner), tags=["transition", "year 7"])


@pytest.mark.parametrize("url_name", ["network", "ask_matches", "offer_matches", "home"])
def test_lists_and_matches_cost_the_same_for_few_or_many(
    client_for, django_assert_max_num_queries, staff, host, trust, school, partner, url_name
):
    ask, offer = make_ask(trust, staff), make_offer(trust, host)
    urls = {
        "network": reverse("hub:network_placements", args=[trust.pk]),
        "ask_matches": ask.get_absolute_url(),
        "offer_matches": offer.get_absolute_url(),
        "home": reverse("hub:placements_home"),
    }
    viewer = host if url_name == "offer_matches" else staff
    client = client_for(viewer)
    _fill(trust, school, partner, 1)
    client.get(urls[url_name])  # sessions and the like are warm for both counts
    with django_assert_max_num_queries(40) as few:
        assert client.get(urls[url_name]).status_code == 200
    _fill(trust, school, partner, 30)
    make_placement(ask, offer)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(urls[url_name]).status_code == 200


def test_another_networks_ask_answers_404(client_for, staff, trust):
    elsewhere = SchoolFactory()
    other = make_ask(trust, staff)
    other.network = type(trust).objects.create(name="Far Away Alliance")
    other.network.schools.add(elsewhere)
    other.save()
    url = reverse("hub:placement_ask", args=[trust.pk, other.pk])
    assert client_for(staff).get(url).status_code == 404


def test_a_lead_from_beyond_the_member_schools_sees_no_asks_or_offers(client_for, trust, ask):
    central_team = StaffFactory()
    trust.leads.add(central_team)
    client = client_for(central_team)
    assert client.get(reverse("hub:network_placements", args=[trust.pk])).status_code == 404
    assert client.get(ask.get_absolute_url()).status_code == 404
    assert trust.name not in client.get(reverse("hub:placements_home")).text


def test_a_host_proposes_to_a_colleague_from_the_offers_matches(
    client_for, staff, host, ask, offer
):
    client = client_for(host)
    page = client.get(offer.get_absolute_url()).text
    assert "Colleagues who may want this" in page and staff.name in page
    url = reverse("hub:propose_placement", args=[ask.network_id, ask.pk, offer.pk])
    response = client.post(url, {f"ask-{ask.pk}-starts_on": soon(3).isoformat()})
    placement = Placement.objects.get()
    assert response.url == placement.get_absolute_url() and placement.proposed_by == host
    answer = client_for(staff).get(placement.get_absolute_url()).text
    assert 'value="agree"' in answer


def test_someone_elses_ask_shows_no_matches_or_propose_forms(client_for, host, ask, offer):
    page = client_for(host).get(ask.get_absolute_url()).text
    assert "Suggested hosts" not in page and "Propose" not in page


def test_an_ask_or_offer_form_sent_twice_shares_one(client_for, staff, host, trust):
    first, second = post_ask(client_for(staff), trust), post_ask(client_for(staff), trust)
    assert first.url == second.url and PlacementAsk.objects.count() == 1
    data = {
        "focus": "SEND provision",
        "phase": "secondary",
        "available_from": soon().isoformat(),
        "available_until": soon(20).isoformat(),
        "capacity": "1",
    }
    url = reverse("hub:offer_to_host", args=[trust.pk])
    client = client_for(host)
    assert client.post(url, data).url == client.post(url, data).url
    assert PlacementOffer.objects.count() == 1
