import io
from html import unescape

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, ImageFile

from events.lunches.models import Input, InputKind
from events.lunches.uploads import MAX_RESOURCE_BYTES, check_resource_file
from hub.models import Status
from tests.events.lunches.factories import InputFactory, LunchFactory
from tests.images import jpeg_cut_short

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


@pytest.fixture
def lunch(school):
    return LunchFactory(school=school)


def _volunteer(client, lunch, **overrides):
    data = {
        "title": "Dual coding in science",
        "kind": InputKind.FINDING,
        "summary": "Pictures plus words beat words alone.",
        **overrides,
    }
    return client.post(reverse("events:volunteer_input", args=[lunch.pk]), data)


def test_volunteering_offers_an_input_that_waits_for_a_moderator(client_for, staff, lunch):
    response = _volunteer(client_for(staff), lunch, file=SimpleUploadedFile("slides.pdf", PDF))
    assert response.status_code == 302
    item = Input.objects.get()
    assert (item.author, item.status, item.lunch) == (staff, Status.SUBMITTED, lunch)
    assert item.file.name.endswith(".pdf")


def test_a_moderator_confirms_an_input_through_the_one_moderation_mechanism(
    client_for, moderator, lunch
):
    item = InputFactory(lunch=lunch, status=Status.SUBMITTED)
    client = client_for(moderator)
    page = client.get(lunch.get_absolute_url())
    assert "Confirm input" in page.content.decode()
    response = client.post(
        reverse("hub:moderate", args=["events.input", item.pk, "approve"]),
        {"version": item.version, "next": lunch.get_absolute_url()},
    )
    assert response.url == lunch.get_absolute_url()
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED


def test_a_moderator_declines_an_input_with_a_reason_its_author_sees(client_for, moderator, lunch):
    item = InputFactory(lunch=lunch, status=Status.SUBMITTED)
    client_for(moderator).post(
        reverse("hub:moderate", args=["events.input", item.pk, "return"]),
        {"version": item.version, "reason": "Could you bring this to the spring lunch?"},
    )
    item.refresh_from_db()
    assert (item.status, item.moderation_note) == (
        Status.RETURNED,
        "Could you bring this to the spring lunch?",
    )


def test_a_fourth_input_is_refused_when_three_slots_are_taken(client_for, staff, lunch):
    InputFactory.create_batch(2, lunch=lunch, status=Status.PUBLISHED)
    InputFactory(lunch=lunch, status=Status.SUBMITTED)
    response = _volunteer(client_for(staff), lunch)
    assert "All three input slots for this lunch are taken" in unescape(response.content.decode())
    assert Input.objects.count() == 3


def test_a_declined_input_frees_its_slot(client_for, staff, lunch):
    InputFactory.create_batch(2, lunch=lunch, status=Status.PUBLISHED)
    InputFactory(lunch=lunch, status=Status.RETURNED)
    assert _volunteer(client_for(staff), lunch).status_code == 302


def test_an_executable_renamed_pdf_is_refused_next_to_the_file_field(client_for, staff, lunch):
    response = _volunteer(
        client_for(staff), lunch, file=SimpleUploadedFile("slides.pdf", EXECUTABLE)
    )
    assert response.status_code == 200
    assert (
        "is not a PDF, PowerPoint, Word document or image"
        in (response.context["form"].errors["file"][0])
    )
    assert not Input.objects.exists()


def test_a_pdf_named_like_a_word_file_is_refused(client_for, staff, lunch):
    response = _volunteer(client_for(staff), lunch, file=SimpleUploadedFile("notes.docx", PDF))
    assert "Please rename it" in response.context["form"].errors["file"][0]
    assert not Input.objects.exists()


def test_a_file_over_20_mb_is_refused(client_for, staff, lunch):
    big = SimpleUploadedFile("slides.pdf", PDF + b"0" * (MAX_RESOURCE_BYTES + 1 - len(PDF)))
    response = _volunteer(client_for(staff), lunch, file=big)
    assert response.context["form"].errors["file"] == [
        "This file is larger than 20 MB. Please upload a smaller one."
    ]
    assert not Input.objects.exists()


def test_an_image_loses_its_metadata(client_for, staff, lunch):
    image = Image.new("RGB", (20, 20), "red")
    exif = Image.Exif()
    exif[0x010E] = "Pupil names here"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    _volunteer(client_for(staff), lunch, file=SimpleUploadedFile("board.jpg", buffer.getvalue()))
    with Input.objects.get().file.open("rb") as stored, Image.open(stored) as saved:
        assert not saved.getexif()


def test_a_summary_over_600_characters_is_refused(client_for, staff, lunch):
    response = _volunteer(client_for(staff), lunch, summary="x" * 601)
    assert "summary" in response.context["form"].errors
    assert not Input.objects.exists()


def test_only_the_presenter_adds_slides_or_notes(client_for, staff, moderator, lunch):
    item = InputFactory(lunch=lunch, author=staff)
    url = reverse("events:add_resources", args=[item.pk])
    assert client_for(moderator).get(url).status_code == 403
    response = client_for(staff).post(
        url, {"notes": "Reading list: Caviglioli", "file": SimpleUploadedFile("deck.pdf", PDF)}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.notes == "Reading list: Caviglioli"
    assert item.file.name.endswith(".pdf")


def test_others_see_an_input_only_once_confirmed(client_for, staff, lunch):
    InputFactory(lunch=lunch, status=Status.SUBMITTED, title="Secret draft title")
    assert (
        "Secret draft title" not in client_for(staff).get(lunch.get_absolute_url()).content.decode()
    )


@pytest.mark.parametrize("weasyprint_loaded", [False, True])
def test_a_resource_photo_cut_short_is_refused(monkeypatch, weasyprint_loaded):
    # Importing WeasyPrint sets Pillow to accept truncated files for the whole process.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", weasyprint_loaded)
    cut = jpeg_cut_short()
    with pytest.raises(ValidationError, match="could not be read"):
        check_resource_file(SimpleUploadedFile("handout.jpg", cut, content_type="image/jpeg"))
