"""'Download my data' holds every kind of upload a person can make (issue 14, item 2).

Walks every model with a file field: each says whose upload its files are
(hub.people.personal_data.file_owner); each kind of upload is made through the
real service by one person, and must be in that person's ZIP, byte for byte,
and in no colleague's. A new model with files fails here until it says whose
they are and gets a way to make one below.
"""

import io
import zipfile

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from events.lunches.models import InputKind
from events.lunches.services import volunteer_input
from hub.lib.images import clean_image
from hub.people.personal_data import file_fields, file_owner, write_archive
from ideas.scrapbook.models import Edition
from ideas.scrapbook.services import edition_save
from tests.events.lunches.factories import LunchFactory
from tests.factories import StaffFactory
from tests.hub.learning.factories import finished_export
from tests.ideas.scrapbook.factories import ArticleFactory, add_photo, photo_bytes

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _scrapbook_photo(person):
    return add_photo(ArticleFactory(author=person), label="Our reading corner", shows_pupils=True)


def _edition_cover(person):
    person.is_school_admin = True
    person.save(update_fields=["is_school_admin"])
    cover = clean_image(photo_bytes(label="Cover"))
    return edition_save(edition=Edition(title="Autumn"), editor=person, cover=cover)


def _lunch_slides(person):
    return volunteer_input(
        lunch_id=LunchFactory(school=person.school).pk,
        author=person,
        title="Dual coding",
        kind=InputKind.FINDING,
        summary="Pictures and words.",
        file=SimpleUploadedFile("slides.pdf", PDF),
    )


def _learning_export(person):
    """Made by the worker, but from the person's own record, for them alone: theirs."""
    return finished_export(person)


# Every kind of upload a person can make, made the way the app makes it.
UPLOADS = {
    "hub.learningexport": _learning_export,
    "ideas.articleimage": _scrapbook_photo,
    "ideas.edition": _edition_cover,
    "events.input": _lunch_slides,
}
# Files that are no one's upload, and why.
NOT_UPLOADS = {
    "ideas.editionexport": "made by the worker from everyone's articles",
    "hub.school": "the school's logo, set in its settings: the school's, not one person's",
}


def _models_with_files() -> list[type]:
    return [model for model in apps.get_models() if file_fields(model)]


def _archive(person) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    write_archive(person, buffer)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _file_contents(archive: zipfile.ZipFile) -> set[bytes]:
    return {archive.read(name) for name in archive.namelist() if name.startswith("files/")}


def test_every_model_with_files_says_whose_they_are_and_can_be_made_here():
    labels = {model._meta.label_lower for model in _models_with_files()}
    assert labels == set(UPLOADS) | set(NOT_UPLOADS)
    for model in _models_with_files():
        owner = file_owner(model)  # raises for a model that does not say
        assert (owner is None) == (model._meta.label_lower in NOT_UPLOADS), model


@pytest.mark.parametrize("label", sorted(UPLOADS))
def test_each_kind_of_upload_is_in_its_owners_zip_and_no_colleagues(label, staff, school):
    row = UPLOADS[label](staff)
    assert row._meta.label_lower == label
    stored = [
        getattr(row, field.name) for field in file_fields(type(row)) if getattr(row, field.name)
    ]
    assert stored, "the upload made no file"
    expected = set()
    for file in stored:
        with file.open("rb") as handle:
            expected.add(handle.read())

    assert expected <= _file_contents(_archive(staff))
    colleague = StaffFactory(school=school, is_moderator=True, is_school_admin=True)
    assert not expected & _file_contents(_archive(colleague))


def test_an_edition_export_file_is_in_no_ones_zip(staff, school, tmp_path):
    from django.core.files.base import ContentFile

    from ideas.scrapbook.models import EditionExport

    staff.is_school_admin = True
    staff.save(update_fields=["is_school_admin"])
    edition = edition_save(edition=Edition(title="Spring"), editor=staff)
    export = EditionExport.objects.create(
        edition=edition, format="pdf", made_for_version="v1", requested_by=staff
    )
    export.file.save("edition.pdf", ContentFile(b"%PDF everyone's articles"), save=True)

    archive = _archive(staff)
    assert b"%PDF everyone's articles" not in _file_contents(archive)
    assert "ideas.editionexport.json" in archive.namelist()  # the request itself is listed
