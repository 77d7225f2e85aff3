"""The screens page: moderators and admins make a link (shown once), list and revoke
them, each logged; bad input changes nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from hub.models import AuditEntry, DisplayLink, hash_display_token

LINKS = reverse("hub:display_links")


def revoke_url(link):
    return reverse("hub:revoke_display_link", args=[link.pk])


@pytest.mark.parametrize("maker", ["moderator", "school_admin"])
def test_a_moderator_or_admin_makes_a_link_and_sees_it_once(client_for, request, maker):
    person = request.getfixturevalue(maker)
    client = client_for(person)
    response = client.post(LINKS, {"name": "Staffroom TV"})
    assert response.status_code == 302
    link = DisplayLink.objects.get()
    assert (link.school, link.created_by, link.name) == (person.school, person, "Staffroom TV")
    page = client.get(LINKS).content.decode()
    assert "is shown only this once" in page
    token = page.split("/screen/")[1].split("/")[0]
    assert hash_display_token(token) == link.token_hash
    assert client.get(reverse("hub:screen", args=[token])).status_code == 200
    again = client.get(LINKS).content.decode()
    assert token not in again and "Staffroom TV" in again
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.actor, entry.school) == (
        "create_display_link",
        person,
        person.school,
    )
    assert entry.target_title == "Screen link: Staffroom TV"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the screen a name"),
        ("   ", "Give the screen a name"),
        ("x" * 81, "Keep the name to 80 characters"),
    ],
)
def test_a_bad_name_is_explained_and_makes_nothing(client_for, moderator, name, message):
    response = client_for(moderator).post(LINKS, {"name": name})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not DisplayLink.objects.exists()
    assert not AuditEntry.objects.exists()


def test_a_name_with_markup_is_shown_as_text(client_for, moderator):
    client = client_for(moderator)
    client.post(LINKS, {"name": "<script>alert(1)</script>TV"})
    page = client.get(LINKS).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;TV" in page


def test_a_forged_post_makes_nothing(moderator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(LINKS, {"name": "Staffroom TV"}).status_code == 403
    assert not DisplayLink.objects.exists()


def test_staff_may_not_make_links(client_for, staff):
    assert client_for(staff).post(LINKS, {"name": "TV"}).status_code == 403
    assert not DisplayLink.objects.exists()


def test_revoking_asks_first_then_switches_the_link_off_once(
    client_for, screen_link, moderator, school_admin
):
    link, token = screen_link
    client = client_for(school_admin)
    confirm = client.get(revoke_url(link)).content.decode()
    assert "Yes, switch it off" in confirm
    assert DisplayLink.objects.get().is_active
    response = client.post(revoke_url(link), follow=True)
    assert "is switched off" in response.content.decode()
    link.refresh_from_db()
    assert link.revoked_by == school_admin and link.revoked_at is not None
    assert client.get(reverse("hub:screen", args=[token])).status_code == 404
    again = client.post(revoke_url(link), follow=True)
    assert "was already switched off" in again.content.decode()
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "create_display_link",
        "revoke_display_link",
    ]


def test_another_schools_link_is_a_404(client_for, make_link, other_school, outsider, moderator):
    link, token = make_link(other_school, outsider, "Hillside hall TV")
    client = client_for(moderator)
    assert client.get(revoke_url(link)).status_code == 404
    assert client.post(revoke_url(link)).status_code == 404
    assert DisplayLink.objects.get().is_active
    assert "Hillside hall TV" not in client.get(LINKS).content.decode()


def test_the_list_shows_each_links_state(client_for, make_link, school, moderator):
    from hub.display.services import display_link_revoke

    make_link(school, moderator, "Staffroom TV")
    old, _ = make_link(school, moderator, "Old corridor TV")
    display_link_revoke(link=old, revoked_by=moderator)
    page = client_for(moderator).get(LINKS).content.decode()
    assert "Showing" in page and "Switched off" in page
    assert page.count("Switch off<span") == 1


@pytest.mark.parametrize("size", [1, 20])
def test_the_screens_page_costs_the_same_queries_whatever_the_number(
    client_for, make_link, school, moderator, size, django_assert_max_num_queries
):
    for n in range(size):
        make_link(school, moderator, f"Screen {n}")
    client = client_for(moderator)
    with django_assert_max_num_queries(8):
        assert client.get(LINKS).status_code == 200


def test_the_audit_log_names_the_screen_actions(client_for, screen_link, moderator):
    page = client_for(moderator).get(reverse("hub:audit_log")).content.decode()
    assert "Made a screen link" in page
    assert "Screen link: Staffroom TV" in page
