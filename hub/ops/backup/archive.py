"""One school's rows and media as a zip: manifest.json, data.json and media/<name>.

Rows keep their primary keys (generic foreign keys and audit entries point at
them by number), so an archive restores into an empty database only. Content
types and permissions travel by natural key: `migrate` numbers them anew.
"""

import datetime
import hashlib
import json
import zipfile
from collections import Counter
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management.color import no_style
from django.core.serializers import python
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from hub.lib.files import atomic_output
from hub.models import School
from hub.ops.backup.walk import NATURAL_KEY_MODELS, backup_models, dependency_order, school_rows

FORMAT = "staffroom-school-archive"
VERSION = 1


class ArchiveRefused(Exception):
    """The archive cannot be restored here; the message says why and what to do."""


class _Encoder(DjangoJSONEncoder):
    """DjangoJSONEncoder, but times keep their microseconds (it cuts them to milliseconds)."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class _Serializer(python.Serializer):
    """Django's serializer, but natural keys only for content types and permissions,
    and no M2M lists: the through tables are exported as rows of their own."""

    def handle_fk_field(self, obj, field):
        related_model = field.remote_field.model
        value = getattr(obj, field.attname)
        if related_model is NATURAL_KEY_MODELS[0] and value is not None:
            self._current[field.name] = list(related_model.objects.get_for_id(value).natural_key())
        elif related_model in NATURAL_KEY_MODELS and value is not None:
            self._current[field.name] = list(getattr(obj, field.name).natural_key())
        else:
            super().handle_fk_field(obj, field)

    def handle_m2m_field(self, obj, field):
        return


def find_school(identifier: str) -> School:
    """The school whose URN, or failing that primary key, is `identifier`."""
    school = School.objects.filter(urn=identifier).first()
    if school is None and identifier.isdigit():
        school = School.objects.filter(pk=int(identifier)).first()
    if school is None:
        raise School.DoesNotExist(f"No school has the URN or id {identifier!r}.")
    return school


def export_school(school: School, destination: Path) -> dict:
    """Write `school`'s archive to `destination` (atomically) and return its manifest."""
    rows = school_rows(school)
    data, files = [], []
    for model in dependency_order(rows):
        objects = list(_in_chunks(model, rows[model]))
        data.extend(_Serializer().serialize(objects))
        files.extend(_media_of(model, objects))
    manifest = {
        "format": FORMAT,
        "version": VERSION,
        "created_at": timezone.now().isoformat(),
        "school": {"pk": school.pk, "urn": school.urn, "name": school.name},
        "migrations": _applied_migrations(),
        "rows": dict(Counter(item["model"] for item in data)),
        "media": [],
    }
    # A reader never sees half an archive: it appears complete or not at all.
    with (
        atomic_output(destination) as output,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        for name, field in files:
            with field.storage.open(name, "rb") as source:
                content = source.read()
            archive.writestr(f"media/{name}", content)
            manifest["media"].append(
                {
                    "name": name,
                    "field": f"{field.model._meta.label}.{field.name}",
                    "size": len(content),
                    "sha256": _sha256(content),
                }
            )
        archive.writestr("data.json", json.dumps(data, cls=_Encoder, indent=1))
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return manifest


def _in_chunks(model, pks):
    ordered = sorted(pks)
    for start in range(0, len(ordered), 500):
        yield from model._base_manager.filter(pk__in=ordered[start : start + 500]).order_by("pk")


def _media_of(model, objects) -> list:
    fields = [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]
    found = []
    for obj in objects:
        for field in fields:
            name = getattr(obj, field.attname).name
            if name:
                found.append((name, field))
    return found


def _applied_migrations() -> dict[str, str]:
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def _sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError) as error:
        raise ArchiveRefused("This file is not a Staffroom school archive.") from error
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise ArchiveRefused("This file is not a Staffroom school archive of a known version.")
    return manifest


def refuse_unless_empty(manifest: dict) -> None:
    urn = manifest["school"]["urn"]
    if School.objects.filter(urn=urn).exists():
        raise ArchiveRefused(
            f"A school with URN {urn} already exists in this database. "
            "import_school restores into an empty database only."
        )
    occupied = [
        f"{m._meta.verbose_name_plural} ({m._base_manager.count()})"
        for m in backup_models()
        if m._base_manager.exists()
    ]
    if occupied:
        raise ArchiveRefused(
            "This database is not empty: it already holds "
            + ", ".join(occupied)
            + ". Create a new database, run `manage.py migrate`, then import into that."
        )
    if manifest["migrations"] != _applied_migrations():
        raise ArchiveRefused(
            "This archive was made by a different version of Staffroom (its migrations "
            "differ from this database's). Restore it with the version that made it."
        )


def import_school(path: Path) -> dict:
    """Restore the archive at `path` into this (empty) database; return its manifest."""
    with zipfile.ZipFile(path) as archive:
        manifest = read_manifest(archive)
        refuse_unless_empty(manifest)
        data = json.loads(archive.read("data.json"))
        written = _restore_media(archive, manifest)
    try:
        with transaction.atomic():
            restored = _insert_rows(data)
            _reset_sequences(restored)
    except BaseException:
        for name, storage in written:
            storage.delete(name)
        raise
    return manifest


def _insert_rows(data: list) -> set:
    """Insert the serialized rows as they are (a raw save, like loaddata: no signals,
    auto_now left alone, ids kept), a batch of one model at a time."""
    restored: set = set()
    batch: list = []
    for item in python.Deserializer(data):
        if batch and type(item.object) is not type(batch[0]):
            _insert_batch(batch)
            batch = []
        batch.append(item.object)
        restored.add(type(item.object))
    if batch:
        _insert_batch(batch)
    return restored


def _insert_batch(objects: list) -> None:
    model = type(objects[0])
    fields = model._meta.local_concrete_fields
    size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
    for start in range(0, len(objects), size):
        model._base_manager._insert(objects[start : start + size], fields=fields, raw=True)


def _restore_media(archive: zipfile.ZipFile, manifest: dict) -> list:
    """Put every file back under its own name, in its field's storage."""
    written = []
    for entry in manifest["media"]:
        name = entry["name"]
        content = archive.read(f"media/{name}")
        if _sha256(content) != entry["sha256"]:
            raise ArchiveRefused(f"The archive is damaged: {name} does not match its checksum.")
        label, field_name = entry["field"].rsplit(".", 1)
        storage = apps.get_model(label)._meta.get_field(field_name).storage
        if storage.exists(name):
            with storage.open(name, "rb") as existing:
                if _sha256(existing.read()) == entry["sha256"]:
                    continue
            storage.delete(name)
        saved = storage.save(name, ContentFile(content))
        written.append((saved, storage))
        if saved != name:
            raise ArchiveRefused(f"Could not restore {name} under its own name.")
    return written


def _reset_sequences(restored) -> None:
    """PostgreSQL: move each id sequence past the restored ids (no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(restored))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
