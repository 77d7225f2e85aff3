"""Upload fuzzing: random bytes, truncated and corrupted real files and polyglots never
make a cleaner fail with anything but a ValidationError, never make the page answer
500, and nothing is stored unless it is a valid file. FUZZ_EXAMPLES sets the budget."""

import io
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import example, given
from PIL import Image, ImageFile

from events.lunches.uploads import check_resource_file
from hub.lib import images
from tests.events.lunches.factories import InputFactory, LunchFactory
from tests.security.upload_fuzz import (
    EXAMPLES,
    FUZZ_SETTINGS,
    SEEDS,
    check_cleaner,
    hostile_uploads,
)


def clean_scrapbook_image(upload):
    """The scrapbook's image cleaner under the same contract as the resource checker:
    a ValidationError for anything refused, a file that reads back otherwise."""
    try:
        cleaned = images.clean_image(upload)
    except images.ImageRejected as refusal:
        raise ValidationError(str(refusal)) from None
    return SimpleUploadedFile(f"photo.{cleaned.extension}", cleaned.content, cleaned.content_type)


def _cleaners() -> list:
    """Every upload cleaner in the project."""
    return [check_resource_file, clean_scrapbook_image]


@pytest.mark.parametrize("cleaner", _cleaners(), ids=lambda cleaner: cleaner.__qualname__)
def test_a_cleaner_refuses_or_returns_a_valid_file_whatever_it_is_sent(cleaner):
    @FUZZ_SETTINGS
    @given(hostile_uploads())
    @example(("slides.png", SEEDS["png"][:40]))
    @example(("photo.jpg", SEEDS["jpgCMYK"]))
    @example(("slides.png", SEEDS["png16"]))
    @example(("slides.png", SEEDS["pngLA"]))
    @example(("drawing.svg", b'<svg onload="alert(1)"/>'))
    def run(upload):
        check_cleaner(cleaner, *upload)

    run()
    print(f"Upload fuzz: {cleaner.__qualname__}, {EXAMPLES} examples")


# Found by the fuzzer: a chunk named b"\x80DAT" where IDAT should be.
BROKEN_CHUNK_NAME_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x18\x00\x00\x00\x10\x01\x03\x00\x00\x00"
    b"6\xea-\xd6\x00\x00\x00\x03PLTE\x00\x80\x80qA&\xb1\x00\x00\x00\x0c\x80DATx\x9cc`\xa0"
    b"\x0c\x00\x00\x00@\x00\x01\xb74|\xef\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.mark.parametrize("cleaner", _cleaners(), ids=lambda cleaner: cleaner.__qualname__)
def test_a_broken_png_is_refused_once_weasyprint_lets_pillow_read_truncated_files(
    cleaner, monkeypatch
):
    # WeasyPrint sets this for the whole process when it is imported (scrapbook exports).
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    check_cleaner(cleaner, "slides.png", BROKEN_CHUNK_NAME_PNG)


def _stored_files() -> set[Path]:
    root = Path(django_settings.MEDIA_ROOT)
    return {path for path in root.rglob("*") if path.is_file()} if root.exists() else set()


def test_the_resources_page_never_answers_500_and_stores_only_valid_files(client, staff):
    item = InputFactory(lunch=LunchFactory(school=staff.school), author=staff)
    client.force_login(staff)
    url = reverse("events:add_resources", kwargs={"pk": item.pk})

    @FUZZ_SETTINGS
    @given(hostile_uploads())
    @example(("slides.png", SEEDS["png"]))
    def run(upload):
        name, data = upload
        before = _stored_files()
        item.refresh_from_db()
        previous = item.file.name
        response = client.post(url, {"notes": "", "file": SimpleUploadedFile(name, data)})
        assert response.status_code in (200, 302), f"{name}: {response.status_code}"
        item.refresh_from_db()
        added = _stored_files() - before
        if response.status_code == 200:
            assert item.file.name == previous and not added, f"{name} stored though refused"
        else:
            assert len(added) == 1
            stored = added.pop()
            assert check_cleaner(check_resource_file, stored.name, stored.read_bytes())

    run()


def test_a_tiny_png_that_decodes_to_gigabytes_is_refused_before_decoding():
    buffer = io.BytesIO()
    Image.new("1", (8000, 5001)).save(buffer, format="PNG")
    assert buffer.tell() < 100_000  # tiny on disk...
    with pytest.raises(ValidationError, match="over 40 megapixels"):
        check_resource_file(SimpleUploadedFile("huge.png", buffer.getvalue()))
