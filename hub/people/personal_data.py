"""A staff member's own data as one ZIP (UK GDPR right of access and portability).

What goes in, found generically so a new feature is covered without editing this:
- their profile (the Staff row, minus the password hash, plus learning focus);
- every registered contribution kind (`hub.registry`): the rows they wrote;
- every other model with a foreign key to Staff (sign-ups, dietary needs, flags
  they raised, notifications, rota turns...): the rows that name them;
- the files and images held in FileField/ImageField values of those rows.

Left out on purpose: secrets (any field whose name says token, password or
secret), Django's own admin log and the moderation audit trail, which record
what leaders did to other people's work rather than this person's own data.
"""

import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone

from hub.models import Staff
from hub.registry import contribution_kinds

SECRET_WORDS = ("token", "password", "secret")
# Records about the running of the school rather than the person (see docstring).
LEFT_OUT = {"admin.logentry", "hub.auditentry", "hub.invitation", "sessions.session"}
# Clearer names than Django's default plurals for the records that name someone;
# a model not listed here shows its verbose_name_plural.
RECORD_LABELS = {
    "events.lunch": "Learning Lunches you scheduled",
    "events.signup": "Your lunch sign-ups and plates",
    "events.dietaryneeds": "Your dietary needs",
    "events.calendarfeed": "Your calendar feed (without its secret address)",
    "hub.flag": "Contributions you flagged",
    "hub.notification": "Your notifications",
    "ideas.followup": "“How did it go?” questions you were asked, and your answers",
    "ideas.ideaoftheweek": "Ideas of the Week you picked",
    "ideas.buildson": "Replies you built on",
    "ideas.rotaturn": "Your Thinking Thursday rota turns",
    "ideas.rotaoptout": "Your rota opt-outs",
    "ideas.turnswap": "Rota swaps you were part of",
}


@dataclass(frozen=True)
class Section:
    """One JSON file of the archive: the rows of one model that are this person's."""

    name: str
    label: str
    queryset: models.QuerySet
    contribution: bool = False


def _is_secret(field: models.Field) -> bool:
    return any(word in field.name.lower() for word in SECRET_WORDS)


def _value(obj: models.Model, field: models.Field) -> Any:
    if isinstance(field, models.FileField):
        file = getattr(obj, field.attname)
        return file.name or ""
    return getattr(obj, field.attname)


def serialise(obj: models.Model) -> dict[str, Any]:
    """Every concrete field of a row (foreign keys as ids) plus its prefetched many-to-many
    values as text; no query of its own when the queryset prefetched them."""
    row = {
        field.attname: _value(obj, field)
        for field in obj._meta.concrete_fields
        if not _is_secret(field)
    }
    for field in obj._meta.many_to_many:
        row[field.name] = sorted(str(item) for item in getattr(obj, field.name).all())
    return row


def _with_many_to_many(queryset: models.QuerySet) -> models.QuerySet:
    names = [field.name for field in queryset.model._meta.many_to_many]
    return queryset.prefetch_related(*names).order_by("pk")


def sections_for(staff: Staff) -> list[Section]:
    """The querysets of everything that is this person's (none evaluated yet)."""
    sections = []
    kinds = {kind.model: kind for kind in contribution_kinds()}
    for model, kind in kinds.items():
        queryset = _with_many_to_many(model.objects.filter(author=staff))
        sections.append(Section(model._meta.label_lower, kind.label_plural, queryset, True))
    for model in apps.get_models():
        label = model._meta.label_lower
        if model in kinds or model is Staff or label in LEFT_OUT:
            continue
        links = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and field.related_model is Staff
        ]
        if not links:
            continue
        naming_them = Q()
        for name in links:
            naming_them |= Q(**{name: staff})
        queryset = _with_many_to_many(model._default_manager.filter(naming_them))
        name = RECORD_LABELS.get(label, str(model._meta.verbose_name_plural).capitalize())
        sections.append(Section(label, name, queryset))
    return sections


def _files(section: Section, rows: list[models.Model]) -> Iterator[tuple[str, Any]]:
    file_fields = [
        f for f in section.queryset.model._meta.concrete_fields if isinstance(f, models.FileField)
    ]
    for obj in rows:
        for field in file_fields:
            file = getattr(obj, field.attname)
            if file and file.storage.exists(file.name):
                yield f"files/{section.name}/{obj.pk}/{PurePosixPath(file.name).name}", file


def write_archive(staff: Staff, target: io.IOBase) -> dict[str, int]:
    """Write the ZIP to `target`; return how many rows each section holds.

    One query per model (plus one per many-to-many field), however much they wrote.
    """
    profile = serialise(Staff.objects.prefetch_related("learning_focus").get(pk=staff.pk))
    counts: dict[str, int] = {}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("profile.json", _json(profile))
        for section in sections_for(staff):
            rows = list(section.queryset)
            counts[section.name] = len(rows)
            document = {"kind": section.label, "rows": [serialise(obj) for obj in rows]}
            archive.writestr(f"{section.name}.json", _json(document))
            for path, file in _files(section, rows):
                with file.open("rb") as source:
                    archive.writestr(path, source.read())
        archive.writestr("README.txt", _readme(staff, counts))
    return counts


def _json(data: Any) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def _readme(staff: Staff, counts: dict[str, int]) -> str:
    lines = [
        f"Staffroom: the data held about {staff.full_name} ({staff.email}),",
        f"exported {timezone.now():%Y-%m-%d %H:%M %Z}.",
        "",
        "profile.json is your profile. Each other .json file holds the rows of one kind",
        "that you wrote or that name you; files/ holds the files you uploaded.",
        "",
    ]
    lines += [f"{name}.json: {count} rows" for name, count in sorted(counts.items())]
    return "\n".join(lines) + "\n"
