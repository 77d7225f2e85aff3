"""Uploads on either storage: cleaned, stored under a random name, and served only by the
views that check who may see them (another school's staff: 404)."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from events.lunches.models import Input
from hub.lib.images import clean_image
from ideas.scrapbook.models import ArticleImage
from ideas.scrapbook.services import edition_save
from tests.events.lunches.factories import InputFactory, LunchFactory
from tests.hub.leaders.test_school_settings import SETTINGS, form_data, png
from tests.hub.lib.test_images import jpeg_with_gps_and_rotation
from tests.ideas.scrapbook.factories import ArticleFactory, EditionFactory, photo_bytes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def served(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content)


def read(field) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def nothing_on_local_disk(storage_kind, settings) -> bool:
    return storage_kind == "local" or not Path(settings.MEDIA_ROOT).exists()


def test_a_photo_is_cleaned_stored_and_shown_only_to_its_school(
    storage_kind, stored, client_for, staff, outsider, settings, django_assert_max_num_queries
):
    article = ArticleFactory(author=staff)
    client = client_for(staff)
    response = client.post(
        reverse("ideas:add_image", args=[article.pk]),
        {
            "alt_text": "Pupils' work on a table",
            "upload": SimpleUploadedFile("IMG_0042.jpg", jpeg_with_gps_and_rotation()),
        },
    )
    assert response.status_code == 302
    image = ArticleImage.objects.get()
    assert {image.image.name, image.print_image.name} <= stored()
    assert "IMG_0042" not in image.image.name
    assert nothing_on_local_disk(storage_kind, settings)

    url = reverse("ideas:article_image", args=[image.pk])
    # The storage adds no query: the same four on the disk and on the bucket.
    with django_assert_max_num_queries(4):
        photo = served(client.get(url))
    assert photo == read(image.print_image)
    with Image.open(io.BytesIO(photo)) as shown:
        assert not shown.getexif()  # the GPS position and camera were stripped
    assert client_for(outsider).get(url).status_code == 404


def test_a_school_logo_is_stored_and_shown_only_to_its_school(
    storage_kind, stored, client_for, moderator, outsider, school, settings
):
    moderator.manages_settings = True
    moderator.save(update_fields=["manages_settings"])
    upload = SimpleUploadedFile("Oakfield crest.png", png(size=(1600, 1200)), "image/png")
    client_for(moderator).post(SETTINGS, {**form_data(school), "logo": upload})
    school.refresh_from_db()
    assert school.logo.name in stored()
    assert nothing_on_local_disk(storage_kind, settings)

    url = reverse("hub:school_logo", args=[school.pk])
    with Image.open(io.BytesIO(served(client_for(moderator).get(url)))) as logo:
        assert max(logo.size) == 800  # cleaned and scaled down before it was stored
    assert client_for(outsider).get(url).status_code == 404


def test_replacing_the_logo_deletes_the_old_file(
    storage_kind, stored, client_for, moderator, school, django_capture_on_commit_callbacks
):
    moderator.manages_settings = True
    moderator.save(update_fields=["manages_settings"])
    client = client_for(moderator)
    client.post(SETTINGS, {**form_data(school), "logo": SimpleUploadedFile("a.png", png())})
    school.refresh_from_db()
    first = school.logo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SETTINGS, {**form_data(school), "logo": SimpleUploadedFile("b.png", png())})
    school.refresh_from_db()
    assert school.logo.name in stored() and first not in stored()


def test_a_cover_photo_is_stored_and_shown_only_to_its_school(
    storage_kind, stored, client_for, school_admin, outsider
):
    edition = EditionFactory(created_by=school_admin)
    edition_save(edition=edition, editor=school_admin, cover=clean_image(photo_bytes()))
    assert edition.cover_image.name in stored()

    url = reverse("ideas:edition_cover", args=[edition.pk])
    assert served(client_for(school_admin).get(url)) == read(edition.cover_image)
    assert client_for(outsider).get(url).status_code == 404


def test_slides_for_a_lunch_are_stored_and_downloaded_only_by_its_school(
    storage_kind, stored, client_for, staff, outsider, school
):
    item = InputFactory(lunch=LunchFactory(school=school), author=staff)
    client = client_for(staff)
    response = client.post(
        reverse("events:add_resources", args=[item.pk]),
        {"notes": "Slides", "file": SimpleUploadedFile("Year 3 - Amir.pdf", PDF)},
    )
    assert response.status_code == 302
    item = Input.objects.get()
    assert item.file.name in stored()

    url = reverse("events:download_input_file", args=[item.pk])
    response = client.get(url)
    assert 'filename="Year 3 - Amir.pdf"' in response["Content-Disposition"]
    assert served(response) == PDF
    assert client_for(outsider).get(url).status_code == 404


@pytest.mark.parametrize("broken", ["not an image", "too big"])
def test_a_refused_photo_stores_nothing(storage_kind, stored, client_for, staff, broken):
    article = ArticleFactory(author=staff)
    content = b"<script>alert(1)</script>" if broken == "not an image" else b"\xff" * 30_000_000
    response = client_for(staff).post(
        reverse("ideas:add_image", args=[article.pk]),
        {"alt_text": "A photo", "upload": SimpleUploadedFile("x.jpg", content)},
    )
    assert response.status_code == 200
    assert not ArticleImage.objects.exists() and not stored()
