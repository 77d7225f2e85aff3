"""From an idea taken further to the next lunch's input form, filled in from the idea."""

import html
import re

import pytest
from django.urls import reverse

from events.lunches.models import Input
from hub.models import Status
from tests.events.lunches.factories import InputFactory, LunchFactory, in_days
from tests.ideas.board.factories import IdeaFactory

OFFER = reverse("events:offer_input")


@pytest.fixture
def idea(staff):
    return IdeaFactory(
        author=staff, title="Menus with pictures", note="Pictures & words for every choice."
    )


def offer_link(client, idea) -> str:
    page = client.get(reverse("ideas:take_it_further", args=[idea.pk])).content.decode()
    [href] = re.findall(r'href="([^"]*offer-an-input[^"]*)"', page)
    return html.unescape(href)


def test_take_it_further_opens_the_next_lunchs_input_form_filled_in_from_the_idea(
    client_for, staff, idea
):
    lunch = LunchFactory(school=staff.school, starts_at=in_days(5))
    client = client_for(staff)

    response = client.get(offer_link(client, idea), follow=True)

    assert response.redirect_chain[-1][0].startswith(
        reverse("events:volunteer_input", args=[lunch.pk])
    )
    form = response.context["form"]
    assert form["title"].value() == "Menus with pictures"
    assert form["summary"].value() == "Pictures & words for every choice."
    assert "Pictures &amp; words for every choice." in response.content.decode()

    sent = client.post(
        reverse("events:volunteer_input", args=[lunch.pk]),
        {"title": form["title"].value(), "kind": "finding", "summary": form["summary"].value()},
    )
    assert sent.status_code == 302
    offered = Input.objects.get()
    assert (offered.lunch, offered.author, offered.title) == (lunch, staff, "Menus with pictures")


def test_it_skips_started_full_and_other_schools_lunches(client_for, staff, outsider):
    LunchFactory(school=staff.school, starts_at=in_days(-1))  # over
    full = LunchFactory(school=staff.school, starts_at=in_days(2))
    InputFactory.create_batch(2, lunch=full, status=Status.PUBLISHED)
    InputFactory(lunch=full, status=Status.SUBMITTED)
    LunchFactory(school=outsider.school, starts_at=in_days(3))
    # A returned or hidden input frees its slot again.
    freed = LunchFactory(school=staff.school, starts_at=in_days(4))
    InputFactory.create_batch(2, lunch=freed, status=Status.PUBLISHED)
    InputFactory(lunch=freed, status=Status.HIDDEN)
    LunchFactory(school=staff.school, starts_at=in_days(9))

    response = client_for(staff).get(OFFER, {"title": "Menus"})

    assert response.url == reverse("events:volunteer_input", args=[freed.pk]) + "?title=Menus"


def test_with_no_lunch_coming_up_it_says_so_and_links_to_the_lunches(client_for, staff, outsider):
    LunchFactory(school=outsider.school, starts_at=in_days(3))

    response = client_for(staff).get(OFFER, {"title": "Menus"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "No learning lunch has a free input slot yet" in page
    assert f'href="{reverse("events:lunches")}"' in page


def test_offered_text_is_cut_to_the_fields_limits_and_shown_as_text(client_for, staff):
    lunch = LunchFactory(school=staff.school)
    url = reverse("events:volunteer_input", args=[lunch.pk])

    response = client_for(staff).get(
        url, {"title": "<script>alert(1)</script>" + "t" * 200, "summary": "s" * 700}
    )

    form = response.context["form"]
    assert len(form["title"].value()) == 150 and len(form["summary"].value()) == 600
    page = response.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert not Input.objects.exists()
