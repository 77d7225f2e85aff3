"""CSRF on every POST: each URL in the project, posted without a token by a signed-in
leader (a moderator and school admin, so no permission check answers first), is 403."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.security.rows import kwargs_for, url_names

# POSTs that must work without a CSRF token, each with why it is safe.
CSRF_EXEMPT = {
    # RFC 8058 one-click unsubscribe: a mail client posts with no session and no token;
    # the signed token in the URL names the one person and kind of email it stops.
    "hub:unsubscribe",
}
URL_NAMES = sorted(url_names() - CSRF_EXEMPT)


def test_the_sweep_covers_every_url_in_the_project():
    # The figure in the closing note.
    print(f"CSRF sweep: {len(URL_NAMES)} URL names")
    assert len(URL_NAMES) > 60


@pytest.mark.parametrize("url_name", URL_NAMES)
def test_a_post_without_a_csrf_token_is_refused(world, url_name):
    leader = world.people["moderator"]
    leader.is_school_admin = True
    leader.save(update_fields=["is_school_admin"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    url = reverse(url_name, kwargs=kwargs_for(url_name, world))
    response = client.post(url, {"text": "forged", "title": "forged", "reason": "forged"})
    assert response.status_code == 403, f"POST {url}: {response.status_code}"
    assert b"That form had expired" in response.content, f"POST {url} was not a CSRF refusal"


def test_only_the_one_click_unsubscribe_is_exempt(world):
    """Its exemption is the view's own decorator, and only a genuine token gets through."""
    client = Client(enforce_csrf_checks=True)
    genuine = reverse("hub:unsubscribe", kwargs=kwargs_for("hub:unsubscribe", world))
    assert client.post(genuine, {"List-Unsubscribe": "One-Click"}).status_code == 200
    forged = reverse("hub:unsubscribe", args=["eyJzdGFmZiI6MX0:forged:signature"])
    assert client.post(forged, {"List-Unsubscribe": "One-Click"}).status_code == 400


@pytest.mark.parametrize("url_name", ["login", "password_reset", "accept_invitation"])
def test_an_anonymous_post_without_a_csrf_token_is_refused(world, url_name):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse(url_name, kwargs=kwargs_for(url_name, world)), {})
    assert response.status_code == 403
