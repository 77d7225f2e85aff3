"""export_school / import_school and "Download my data" on either storage: the files
are read from, and restored into, the storage every server shares."""

import io
import zipfile
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse

from events.lunches.models import Input
from hub.lib.images import clean_image
from hub.models import School
from ideas.scrapbook.models import ArticleImage, Edition, EditionExport
from ideas.scrapbook.services import edition_save
from tests.events.lunches.factories import InputFactory, LunchFactory
from tests.hub.ops.test_backup import _empty_the_database, _media
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, edition_with, photo_bytes


def a_school_with_every_kind_of_file(school, staff, school_admin) -> None:
    """A photo (and its print copy), a cover, a logo, slides and a finished export."""
    article = ArticleFactory(author=staff)
    add_photo(article)
    edition = edition_with([article], created_by=school_admin)
    edition_save(edition=edition, editor=school_admin, cover=clean_image(photo_bytes()))
    school.logo.save("crest.png", ContentFile(clean_image(photo_bytes()).content))
    item = InputFactory(lunch=LunchFactory(school=school), author=staff)
    item.file.save("slides.pdf", ContentFile(b"%PDF-1.4 slides"))
    export = EditionExport(edition=edition, format="pdf", made_for_version="v1", status="done")
    export.file.save("edition.pdf", ContentFile(b"%PDF-1.7 the edition"), save=True)


def test_a_school_and_its_files_survive_export_and_import(
    storage_kind, stored, settings, tmp_path, school, staff, school_admin
):
    a_school_with_every_kind_of_file(school, staff, school_admin)
    files_before = _media()
    names = {name for _, name in files_before}
    assert len(files_before) == 6 and names <= stored()
    archive = tmp_path / "oakfield.zip"
    call_command("export_school", school.urn, output=str(archive))

    # Restored elsewhere: an empty database and storage that holds none of the files.
    _empty_the_database()
    if storage_kind == "s3":
        for name in names:  # the same bucket, emptied
            default_storage.delete(name)
    else:
        settings.MEDIA_ROOT = tmp_path / "restored-media"
    assert not names & stored()
    call_command("import_school", str(archive))

    assert _media() == files_before
    assert names <= stored()
    assert School.objects.get().logo.name in names
    assert Edition.objects.get().cover_image.name in names
    assert Input.objects.get().file.name in names


def test_my_data_holds_my_uploads_read_from_the_storage(storage_kind, client_for, staff):
    image = add_photo(ArticleFactory(author=staff))
    response = client_for(staff).get(reverse("hub:download_my_data"))
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        files = {
            PurePosixPath(name).name: archive.read(name)
            for name in archive.namelist()
            if name.startswith("files/")
        }
    for field in (image.image, image.print_image):
        with field.open("rb") as handle:
            assert files[PurePosixPath(field.name).name] == handle.read()
    assert ArticleImage.objects.count() == 1
