"""Stored files: every one under a random name, and none served from /media/ in any
mode, only by the views that check who may see it (issue 14, item 6)."""

import importlib
import re

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import override_settings
from django.urls import Resolver404, clear_url_caches, get_resolver, resolve, reverse

from events.lunches.models import Input, InputKind
from hub.models import RandomName, Status
from tests.events.lunches.factories import LunchFactory

PERSONAL_NAME = "Y3 - Amir Khan's reading (consent).PDF"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _file_fields() -> list[tuple[type, models.FileField]]:
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.FileField)
    ]


def test_every_file_field_stores_under_a_random_name():
    fields = _file_fields()
    # ArticleImage.image and .print_image, Edition.cover_image, EditionExport.file, Input.file.
    assert len(fields) >= 5
    for model, field in fields:
        label = f"{model._meta.label}.{field.name}"
        assert isinstance(field.upload_to, RandomName), label
        first = field.generate_filename(None, PERSONAL_NAME)
        second = field.generate_filename(None, PERSONAL_NAME)
        assert first != second, label
        assert re.fullmatch(r"[a-z/0-9]+/[0-9a-f]{32}\.pdf", first), (label, first)


def test_a_strange_extension_is_dropped():
    assert re.fullmatch(r"x/[0-9a-f]{32}", RandomName("x/")(None, "notes.<script>"))


@pytest.mark.parametrize("debug", [True, False])
def test_no_url_serves_the_media_folder_in_any_mode(client, staff, debug):
    name = default_storage.save("lunches/inputs/slides.pdf", ContentFile(PDF))
    with override_settings(DEBUG=debug):
        import hub.urls

        clear_url_caches()
        importlib.reload(hub.urls)
        try:
            routes = [str(pattern.pattern) for pattern in get_resolver().url_patterns]
            assert not any(route.startswith("media") for route in routes)
            with pytest.raises(Resolver404):
                resolve(f"/media/{name}")
            client.force_login(staff)
            assert client.get(f"/media/{name}").status_code == 404
        finally:
            clear_url_caches()
    importlib.reload(hub.urls)
    clear_url_caches()


def test_an_uploaded_resource_keeps_its_name_only_for_showing(client_for, staff, school):
    lunch = LunchFactory(school=school)
    client = client_for(staff)
    response = client.post(
        reverse("events:volunteer_input", args=[lunch.pk]),
        {
            "title": "Reading aloud",
            "kind": InputKind.FINDING,
            "summary": "What we found.",
            "file": SimpleUploadedFile(PERSONAL_NAME, PDF),
        },
    )
    assert response.status_code == 302
    item = Input.objects.get()
    assert "Amir" not in item.file.name
    assert re.fullmatch(r"lunches/inputs/\d{4}/\d{2}/[0-9a-f]{32}\.pdf", item.file.name)
    Input.objects.filter(pk=item.pk).update(status=Status.PUBLISHED)

    page = client.get(lunch.get_absolute_url()).content.decode()
    assert "Download Y3 - Amir Khan&#x27;s reading (consent).PDF" in page
    download = client.get(reverse("events:download_input_file", args=[item.pk]))
    assert "reading" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == PDF
