"""Files the worker makes (an edition's PDF and Word file, a learning record) on either
storage: the PDF and Word file carry the photos read through the storage, the result is
downloadable only by those who may, and any other machine on the bucket can read it."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from hub.learning.tasks import forget_old_exports
from hub.lib.images import clean_image
from hub.models import LearningExport, LearningExportStatus, Status
from ideas.scrapbook.models import EditionExport, ExportStatus
from ideas.scrapbook.services import edition_save
from tests.hub.learning.factories import finished_export
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, edition_with, photo_bytes


@pytest.fixture
def edition(storage_kind, school, staff, school_admin):
    return an_edition_with_three_photos(staff, school_admin)


def an_edition_with_three_photos(staff, school_admin):
    """Two articles with a photo each and a cover photo: three images in print."""
    articles = [
        ArticleFactory(author=staff, status=Status.PUBLISHED, title=f"Idea number {n}")
        for n in range(2)
    ]
    for number, article in enumerate(articles):
        add_photo(article, label=f"Photo {number}")
    edition = edition_with(articles, created_by=school_admin)
    edition.cover_alt_text = "The staffroom display board"
    edition_save(edition=edition, editor=school_admin, cover=clean_image(photo_bytes()))
    return edition


@pytest.fixture
def make_export(client_for, school_admin, django_capture_on_commit_callbacks):
    """Ask for an export as the edition's editor and run its task, as the worker would."""

    def make(edition, fmt: str) -> EditionExport:
        with django_capture_on_commit_callbacks(execute=True):
            client_for(school_admin).post(
                reverse("ideas:export_edition", args=[edition.pk]), {"format": fmt}
            )
        export = EditionExport.objects.get(format=fmt)
        assert export.status == ExportStatus.DONE, export.error
        return export

    return make


def download(client, export) -> bytes:
    response = client.get(reverse("ideas:download_export", args=[export.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_the_pdf_prints_the_photos_read_through_the_storage(
    storage_kind, stored, make_export, client_for, school_admin, edition
):
    export = make_export(edition, "pdf")
    assert export.file.name in stored()
    reader = PdfReader(io.BytesIO(download(client_for(school_admin), export)))
    # Every page lists the document's shared images: count the distinct ones.
    images = {image.data for page in reader.pages for image in page.images}
    assert len(images) == 3  # the cover and one photo on each article's page
    assert "Idea number 1" in reader.pages[4].extract_text()


def test_the_word_file_holds_the_photos_read_through_the_storage(
    storage_kind, stored, make_export, client_for, school_admin, edition
):
    export = make_export(edition, "docx")
    assert export.file.name in stored()
    with zipfile.ZipFile(io.BytesIO(download(client_for(school_admin), export))) as document:
        pictures = [name for name in document.namelist() if name.startswith("word/media/")]
        assert "Idea number 1" in document.read("word/document.xml").decode()
    assert len(pictures) == 3


def test_another_school_cannot_download_an_export(
    storage_kind, make_export, client_for, outsider, edition
):
    export = make_export(edition, "csv")
    url = reverse("ideas:download_export", args=[export.pk])
    assert client_for(outsider).get(url).status_code == 404


def test_an_export_whose_file_is_gone_answers_not_found(
    storage_kind, stored, make_export, client_for, school_admin, edition
):
    export = make_export(edition, "csv")
    export.file.storage.delete(export.file.name)
    assert export.file.name not in stored()
    response = client_for(school_admin).get(reverse("ideas:download_export", args=[export.pk]))
    assert response.status_code == 404


def test_a_learning_record_is_stored_and_downloaded_only_by_its_owner(
    storage_kind, stored, client_for, staff, moderator, outsider, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(staff).post(
            reverse("hub:request_learning_export"),
            {"format": "pdf", "start": (today - timedelta(days=30)).isoformat(), "end": today},
        )
    export = LearningExport.objects.get()
    assert export.status == LearningExportStatus.DONE, export.error
    assert export.file.name in stored()
    url = reverse("hub:download_learning_export", args=[export.pk])
    response = client_for(staff).get(url)
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert client_for(moderator).get(url).status_code == 404
    assert client_for(outsider).get(url).status_code == 404


def test_an_old_learning_record_is_deleted_from_the_storage(storage_kind, stored, staff):
    export = finished_export(staff)
    assert export.file.name in stored()
    forget_old_exports(timezone.now() + timedelta(days=31))
    assert export.file.name not in stored()


def test_a_worker_written_export_is_read_by_a_server_on_another_machine(
    on_s3, make_export, client_for, staff, school_admin
):
    """The worker and the web server share only the bucket: a storage object made afresh
    (as on another machine, with nothing of the worker's in memory or on its disk) reads
    the file the worker stored, and so does the download view through a storage of its
    own (the settings changed, so Django makes the default storage anew)."""
    export = make_export(an_edition_with_three_photos(staff, school_admin), "pdf")
    with on_s3.fresh_storage().open(export.file.name, "rb") as handle:
        made = handle.read()
    reader = PdfReader(io.BytesIO(made))
    assert len(reader.pages) == 6
    assert len({image.data for page in reader.pages for image in page.images}) == 3
    with override_settings(STORAGES={"default": on_s3.storage_setting}):  # the web server's
        assert download(client_for(school_admin), export) == made


def test_a_photo_gone_before_printing_is_left_out_not_fatal(
    storage_kind, make_export, client_for, school_admin, edition
):
    from ideas.scrapbook.models import ArticleImage

    gone = ArticleImage.objects.first().print_image
    gone.storage.delete(gone.name)
    export = make_export(edition, "pdf")
    reader = PdfReader(io.BytesIO(download(client_for(school_admin), export)))
    assert len({image.data for page in reader.pages for image in page.images}) == 2
