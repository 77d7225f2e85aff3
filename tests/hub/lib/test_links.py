"""Links to many objects made once per page (hub.lib.links), and the long lists that use them:
however many rows, the page reverses the same few URL patterns."""

from unittest import mock

import pytest
from django.template.defaulttags import URLNode
from django.urls import NoReverseMatch, reverse

from hub.content import school_changed
from hub.lib.links import pk_link
from ideas.board.views.common import as_cards
from tests.factories import StaffFactory
from tests.ideas.board.factories import IdeaFactory


def test_a_link_builder_gives_what_reverse_gives():
    profile = pk_link("hub:profile")
    assert [profile(pk) for pk in (1, 42, 987654)] == [
        reverse("hub:profile", args=[pk]) for pk in (1, 42, 987654)
    ]


def test_a_link_builder_refuses_a_url_without_one_id():
    with pytest.raises(NoReverseMatch):
        pk_link("hub:home")


def test_a_link_builder_only_takes_whole_numbers():
    with pytest.raises(ValueError):
        pk_link("hub:profile")("1/../../admin")


def url_tags_rendered(client, path: str):
    """How many {% url %} tags rendering `path` took, and the response."""
    with mock.patch.object(
        URLNode, "render", autospec=True, side_effect=URLNode.render
    ) as rendered:
        response = client.get(path)
    assert response.status_code == 200
    return rendered.call_count, response


def test_the_dashboard_reverses_no_url_per_person(client_for, moderator, school):
    client = client_for(moderator)
    few, _ = url_tags_rendered(client, reverse("hub:dashboard"))
    StaffFactory.create_batch(20, school=school)
    school_changed(school)  # factories skip the services that raise the version
    many, response = url_tags_rendered(client, reverse("hub:dashboard"))
    assert many == few > 0
    # The dashboard is a school fragment: count the people it listed.
    assert response.content.decode().count('<th scope="row"><a href="/people/') >= 20


def test_the_board_reverses_no_url_per_post_it(client_for, staff, school):
    IdeaFactory(school=school, tags=["maths"])
    client = client_for(staff)
    few, _ = url_tags_rendered(client, reverse("ideas:board"))
    IdeaFactory.create_batch(10, school=school, tags=["maths", "oracy"])
    school_changed(school)  # factories skip the services that raise the version
    many, response = url_tags_rendered(client, reverse("ideas:board"))
    assert many == few > 0
    # The wall is a school fragment: count the post-its it rendered.
    assert response.content.decode().count('<article class="post-it ') == 11


def test_a_post_it_links_to_its_page_its_reactions_and_its_tags(client_for, staff, school):
    idea = IdeaFactory(school=school, tags=["maths"])
    page = client_for(staff).get(reverse("ideas:board")).content.decode()
    (card,) = as_cards([idea], staff)
    assert f'<a href="{reverse("ideas:idea_detail", args=[idea.pk])}">' in page
    assert f'action="{reverse("ideas:react", args=[idea.pk])}"' in page
    assert f'href="{reverse("ideas:board")}?tag=maths&amp;week={idea.week:%Y-%m-%d}"' in page
    assert f'<time datetime="{card.posted_iso}">{card.posted_label}</time>' in page
