"""The bucket is private: a file in it is reached only through the views that check who
may see it, which stream it. Nothing links to the bucket, so no URL of it reaches a
browser; should anything ask a stored file for its URL, the URL is signed and lives a
minute (moto checks no signature or expiry, so these tests assert the URL's terms and
that an unsigned request is refused)."""

import urllib.error
import urllib.request
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from hub.lib.storage import SIGNED_URL_SECONDS
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo

PUBLIC_GROUPS = ("http://acs.amazonaws.com/groups/global/AllUsers", "AuthenticatedUsers")


@pytest.fixture
def photo(on_s3, staff):
    return add_photo(ArticleFactory(author=staff))


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_every_file_field_uses_the_one_configured_storage():
    """So STAFFROOM_STORAGE moves every file: no field keeps a storage of its own."""
    fields = [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]
    assert len(fields) >= 6
    assert all(field.storage is default_storage for field in fields)


def test_an_unsigned_request_to_the_bucket_gets_nothing(on_s3, photo):
    name = photo.print_image.name
    assert name in on_s3.names()
    assert status_of(f"{on_s3.endpoint}/{on_s3.name}/{name}") == 403


def test_no_file_is_given_a_public_acl(on_s3, photo):
    for field in (photo.image, photo.print_image):
        grants = on_s3.client.get_object_acl(Bucket=on_s3.name, Key=field.name)["Grants"]
        grantees = {str(grant["Grantee"].get("URI", "")) for grant in grants}
        assert not any(group in uri for uri in grantees for group in PUBLIC_GROUPS), grants


def test_the_view_streams_the_file_itself_and_never_points_at_the_bucket(
    on_s3, photo, client_for, staff, outsider
):
    url = reverse("ideas:article_image", args=[photo.pk])
    response = client_for(staff).get(url)
    assert response.status_code == 200 and "Location" not in response
    assert response["Cache-Control"] == "private, max-age=3600"
    with photo.print_image.open("rb") as handle:
        assert b"".join(response.streaming_content) == handle.read()
    assert on_s3.endpoint not in str(response.headers)
    assert client_for(outsider).get(url).status_code == 404


def test_a_signed_out_or_expired_session_gets_the_sign_in_page_not_the_file(on_s3, photo, client):
    """Streaming leaves no link of the bucket's to expire: what expires is the session,
    and without one the view sends the sign-in page."""
    response = client.get(reverse("ideas:article_image", args=[photo.pk]))
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not hasattr(response, "streaming_content")


def test_a_files_url_if_ever_asked_for_is_signed_and_short_lived(on_s3, photo):
    query = parse_qs(urlsplit(default_storage.url(photo.print_image.name)).query)
    assert query["X-Amz-Expires"] == [str(SIGNED_URL_SECONDS)] and SIGNED_URL_SECONDS <= 60
    assert query["X-Amz-Signature"][0]
