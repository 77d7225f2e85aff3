"""export_school / import_school: a seeded school survives the round trip row for row."""

import json
import zipfile

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection, models
from taggit.models import Tag

from events.lunches.models import Input, Lunch
from hub.models import AuditEntry, RegisteredSchool, School, Staff
from hub.ops.backup.walk import backup_models, dependency_order
from hub.people.demo import seed_demo_school
from ideas.board.models import Idea
from ideas.scrapbook.models import ArticleImage, Edition, EditionExport
from tests.events.lunches.factories import LunchFactory
from tests.factories import StaffFactory
from tests.ideas.board.factories import CommentFactory, IdeaFactory, ReactionFactory

pytestmark = pytest.mark.django_db


def _snapshot() -> dict:
    """Every row of every table a school's data lives in, field by field. Rows between
    schools (a network's twilight, a placement: `spans_schools`) are in no school's
    archive, so a restore cannot bring them back."""
    return {
        model._meta.label: {row["id"]: row for row in model._base_manager.values()}
        for model in backup_models()
        if not getattr(model, "spans_schools", False)
    }


def _media() -> dict[tuple[str, str], bytes]:
    """Every file any row points at, by (model field, name), read from its storage."""
    files = {}
    for model in backup_models():
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            for row in model._base_manager.exclude(**{field.attname: ""}):
                with getattr(row, field.attname).open("rb") as handle:
                    files[(str(field), getattr(row, field.attname).name)] = handle.read()
    return files


def _empty_the_database() -> None:
    """What a freshly migrated database holds: content types and permissions only."""
    with connection.cursor() as cursor:
        for model in reversed(dependency_order(backup_models())):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def _seeded_school_with_uploads() -> School:
    school = seed_demo_school()
    # The demo's neighbour schools (and their staff), and the public register of
    # schools: none of them is this school's data.
    Staff.objects.exclude(school=school).delete()
    School.objects.exclude(pk=school.pk).delete()
    RegisteredSchool.objects.all().delete()
    # Tags only their offers used are no row of this school's.
    Tag.objects.filter(taggit_taggeditem_items__isnull=True).delete()
    for index, item in enumerate(Input.objects.filter(school=school)[:3]):
        item.file.save(f"slides-{index}.pdf", ContentFile(b"%PDF-1.4 slides " + bytes([index])))
    teacher = Staff.objects.get(email="teacher@oakfield.example")
    teacher.learning_focus.add("Oracy", "Retrieval practice")
    teacher.user_permissions.add(Permission.objects.get(codename="view_school"))
    _add_an_edition_export(school, teacher)
    return school


def _add_an_edition_export(school, author) -> None:
    """The demo has scrapbook photos and a cover; add a finished export file too."""
    edition = Edition.objects.filter(school=school).first()
    export = EditionExport(edition=edition, format="pdf", made_for_version="demo", status="done")
    export.file.save("autumn.pdf", ContentFile(b"%PDF-1.7 the edition"), save=True)


def test_a_seeded_school_round_trips_every_row_and_every_file(tmp_path, settings):
    school = _seeded_school_with_uploads()
    before = _snapshot()
    files_before = _media()
    photos = ArticleImage.objects.filter(article__school=school).count()
    # Three slide decks, each photo with its print copy, the cover, the export and the
    # school's logo.
    assert len(files_before) == 3 + 2 * photos + 1 + 1 + 1
    archive = tmp_path / "oakfield.zip"

    call_command("export_school", school.urn, output=str(archive), stdout=None)
    _empty_the_database()
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    call_command("import_school", str(archive))

    after = _snapshot()
    for label, rows in before.items():
        diff = {k: (v, after[label].get(k)) for k, v in rows.items() if after[label].get(k) != v}
        assert not diff, f"{label} differs: {list(diff.values())[:2]}"
    assert sum(len(rows) for rows in after.values()) > 600
    assert _media() == files_before
    assert (tmp_path / "restored-media" / Input.objects.exclude(file="").first().file.name).exists()
    assert (tmp_path / "restored-media" / EditionExport.objects.get().file.name).exists()
    assert Edition.objects.get().articles.count() == 12


def test_new_rows_after_a_restore_get_fresh_ids(tmp_path):
    school = _seeded_school_with_uploads()
    highest = Idea.objects.order_by("-pk").first().pk
    call_command("export_school", str(school.pk), output=str(tmp_path / "a.zip"))
    _empty_the_database()
    call_command("import_school", str(tmp_path / "a.zip"))

    copy = IdeaFactory(author=Staff.objects.get(email="teacher@oakfield.example"))
    assert copy.pk > highest


def test_the_archive_holds_nothing_of_another_school(tmp_path, other_school):
    school = seed_demo_school()
    outsider = StaffFactory(school=other_school, email="oscar@hillside.example")
    LunchFactory(school=other_school, created_by=outsider, theme="Hillside only")
    AuditEntry.objects.create(
        school=other_school,
        actor=outsider,
        action="approve",
        content_type_id=AuditEntry.objects.first().content_type_id,
        object_id=1,
    )
    call_command("export_school", school.urn, output=str(tmp_path / "a.zip"))

    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        data = json.loads(archive.read("data.json"))
        manifest = json.loads(archive.read("manifest.json"))
    schools = {item["pk"] for item in data if item["model"] == "hub.school"}
    assert schools == {school.pk}
    # The demo network's twilights are the network's, with its other schools' people.
    assert not {item["model"] for item in data} & {"events.twilight", "events.twilightsignup"}
    assert "oscar@hillside.example" not in json.dumps(data)
    assert "Hillside only" not in json.dumps(data)
    assert manifest["school"]["urn"] == school.urn
    assert manifest["rows"]["hub.staff"] == 30
    assert manifest["rows"]["events.lunch"] == Lunch.objects.filter(school=school).count()


def test_import_refuses_a_database_that_already_has_the_school(tmp_path):
    school = seed_demo_school()
    call_command("export_school", school.urn, output=str(tmp_path / "a.zip"))

    with pytest.raises(CommandError, match="URN 999001 already exists"):
        call_command("import_school", str(tmp_path / "a.zip"))


def test_import_refuses_a_database_holding_other_data(tmp_path, other_school):
    school = seed_demo_school()
    call_command("export_school", school.urn, output=str(tmp_path / "a.zip"))
    School.objects.filter(pk=school.pk).update(urn="999999")

    with pytest.raises(CommandError, match="This database is not empty"):
        call_command("import_school", str(tmp_path / "a.zip"))


def test_export_names_an_unknown_school_clearly(tmp_path):
    with pytest.raises(CommandError, match="No school has the URN or id '123456'"):
        call_command("export_school", "123456", output=str(tmp_path / "a.zip"))
    assert not list(tmp_path.iterdir())


def test_import_refuses_a_file_that_is_not_an_archive(tmp_path):
    (tmp_path / "notes.zip").write_bytes(b"not a zip")
    with pytest.raises(CommandError, match="is not a zip archive"):
        call_command("import_school", str(tmp_path / "notes.zip"))


def test_a_colleague_at_another_school_leaves_no_trace_of_their_school(tmp_path, other_school):
    """A reaction and a comment from a network colleague belong with our post-it (our
    school moderates them) but name their author: the archive leaves them out rather
    than carry another school's person, and their school, along."""
    school = seed_demo_school()
    idea = Idea.objects.filter(school=school).first()
    colleague = StaffFactory(school=other_school, email="nia@hillside.example")
    ReactionFactory(idea=idea, author=colleague, kind="tried")
    CommentFactory(idea=idea, author=colleague, text="Hillside tried it")
    call_command("export_school", school.urn, output=str(tmp_path / "a.zip"))

    with zipfile.ZipFile(tmp_path / "a.zip") as archive:
        data = json.loads(archive.read("data.json"))
    assert {item["pk"] for item in data if item["model"] == "hub.school"} == {school.pk}
    assert "nia@hillside.example" not in json.dumps(data)
    assert "Hillside tried it" not in json.dumps(data)
    assert idea.pk in {item["pk"] for item in data if item["model"] == "ideas.idea"}
