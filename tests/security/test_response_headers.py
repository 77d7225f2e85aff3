"""Headers every response carries (issue 14, item 7): a Permissions-Policy on all of
them, and `Cache-Control: private, no-store` on every download.

Driven by the permission matrix's rows, so every GET URL in the project is
opened by someone allowed to open it; a new URL, or a new download, is covered
the day it gets its row.
"""

import pytest
from django.urls import reverse

from hub.middleware import DATA_TYPES
from tests.permissions.test_matrix import ROWS

# The downloads that exist today: the test fails if one stops being found (and so
# stops being checked).
KNOWN_DOWNLOADS = {
    "hub:download_my_data",
    "hub:dashboard_csv",
    "events:lunch_ics",
    "events:download_input_file",
}


def _is_download(response) -> bool:
    return response.get("Content-Disposition", "").startswith("attachment") or response.get(
        "Content-Type", ""
    ).startswith(DATA_TYPES)


def _open(client, world, row):
    for actor in ("staff", "moderator", "admin", "anonymous"):
        if row.expect[actor] == 200:
            break
    else:
        actor = "staff"
    client.logout()
    if actor != "anonymous":
        client.force_login(world.people[actor])
    kwargs = row.kwargs(world) if row.kwargs else {}
    response = client.get(reverse(row.url_name, kwargs=kwargs))
    if response.streaming:
        b"".join(response.streaming_content)  # the test client closes it at the end
    return response


@pytest.mark.django_db
def test_every_response_has_a_permissions_policy_and_every_download_is_private(client, world):
    rows = [row for row in ROWS if row.method == "get"]
    downloads, problems = set(), []
    for row in rows:
        response = _open(client, world, row)
        if "camera=()" not in response.get("Permissions-Policy", ""):
            problems.append(f"{row.url_name}: no Permissions-Policy")
        if _is_download(response):
            downloads.add(row.url_name)
            cache = {part.strip() for part in response.get("Cache-Control", "").split(",")}
            if not {"private", "no-store"} <= cache:
                problems.append(f"{row.url_name}: Cache-Control {response.get('Cache-Control')}")
    assert problems == []
    assert downloads >= KNOWN_DOWNLOADS
    print(f"{len(rows)} GET URLs checked; downloads: {sorted(downloads)}")


def test_a_personal_calendar_feed_is_private(client_for, staff):
    """Its matrix row uses a forged token (404), so the real feed is opened here."""
    client = client_for(staff)
    client.post(reverse("events:reset_calendar_feed"))
    url = client.get(reverse("events:my_calendar")).context["feed_url"]
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_a_page_keeps_its_own_caching(client_for, staff):
    response = client_for(staff).get(reverse("hub:home"))
    assert "no-store" not in response.get("Cache-Control", "")
    assert "geolocation=()" in response["Permissions-Policy"]
