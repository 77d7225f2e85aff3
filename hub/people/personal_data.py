"""A staff member's own data as one ZIP (UK GDPR right of access and portability).

What goes in, found generically so a new feature is covered without editing this:
- their profile (the Staff row, minus the password hash, plus learning focus);
- every registered contribution kind (`hub.registry`): the rows they wrote;
- every other model with a foreign key to Staff (sign-ups, dietary needs, flags
  they raised, notifications, rota turns...): the rows that name them;
- every model that holds files says whose upload each file is: a contribution's
  are its author's; any other model names the owner with `personal_data_owner`,
  a lookup to Staff (a scrapbook photo: "article__author"), or None for files
  that are no one's upload (an edition's export, made of everyone's articles).
  Their rows and files are in their owner's archive; other people the row names
  (the moderator who confirmed consent) get the row without the file.

Left out on purpose: secrets (any field whose name says token, password or
secret), Django's own admin log and the moderation audit trail, which record
what leaders did to other people's work rather than this person's own data.
"""

import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
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
    "hub.learningfocus": "Your learning focuses",
    "hub.learningnote": "Your notes on My learning (private ones too)",
    "hub.learningexport": "Your exported learning records, with their files",
    "hub.pulse": "Needs pulses you opened",
    "hub.pulseanswer": "Your answers to needs pulses (anonymous ones too: they are yours)",
    "hub.shareinvitation": "Invitations to share you received, sent or were suggested in",
    "ideas.followup": "“How did it go?” questions you were asked, and your answers",
    "ideas.ideaoftheweek": "Ideas of the Week you picked",
    "ideas.buildson": "Replies you built on",
    "ideas.rotaturn": "Your Thinking Thursday rota turns",
    "ideas.rotaoptout": "Your rota opt-outs",
    "ideas.turnswap": "Rota swaps you were part of",
    "ideas.articleimage": "Photos in your scrapbook articles, or whose consent you confirmed",
    "ideas.editionexport": "Scrapbook exports you asked for (the files are not included)",
}


@dataclass(frozen=True)
class Section:
    """One JSON file of the archive: the rows of one model that are this person's."""

    name: str
    label: str
    queryset: models.QuerySet
    contribution: bool = False
    # Rows whose files are this person's upload have OWNER_ANNOTATION == their pk.
    has_own_files: bool = False


OWNER_ANNOTATION = "_personal_data_owner"


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def file_owner(model: type[models.Model]) -> str | None:
    """The lookup from a row to the Staff whose upload its files are (see docstring).

    Raises for a model with files that does not say: an upload must never be left out.
    """
    if model in {kind.model for kind in contribution_kinds()}:
        return "author"
    if not hasattr(model, "personal_data_owner"):
        raise ImproperlyConfigured(
            f"{model._meta.label} holds files: set personal_data_owner to the lookup of "
            "the staff member who uploads them (or None for files no one uploads)."
        )
    return model.personal_data_owner


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


def _owned(queryset: models.QuerySet, owner: str | None) -> tuple[models.QuerySet, bool]:
    if owner is None or not file_fields(queryset.model):
        return queryset, False
    return queryset.annotate(**{OWNER_ANNOTATION: F(owner)}), True


def sections_for(staff: Staff) -> list[Section]:
    """The querysets of everything that is this person's (none evaluated yet)."""
    sections = []
    kinds = {kind.model: kind for kind in contribution_kinds()}
    for model, kind in kinds.items():
        queryset, files = _owned(_with_many_to_many(model.objects.filter(author=staff)), "author")
        label = model._meta.label_lower
        sections.append(Section(label, kind.label_plural, queryset, True, files))
    for model in apps.get_models():
        label = model._meta.label_lower
        if model in kinds or model is Staff or label in LEFT_OUT:
            continue
        owner = file_owner(model) if file_fields(model) else None
        naming_them = Q()
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is Staff:
                naming_them |= Q(**{field.name: staff})
        if owner is not None:
            naming_them |= Q(**{owner: staff})
        if not naming_them:
            continue
        queryset = _with_many_to_many(model._default_manager.filter(naming_them))
        queryset, files = _owned(queryset, owner)
        name = RECORD_LABELS.get(label, str(model._meta.verbose_name_plural).capitalize())
        sections.append(Section(label, name, queryset, has_own_files=files))
    return sections


def _files(section: Section, rows: list[models.Model], staff: Staff) -> Iterator[tuple[str, Any]]:
    if not section.has_own_files:
        return
    fields = file_fields(section.queryset.model)
    for obj in rows:
        if getattr(obj, OWNER_ANNOTATION) != staff.pk:
            continue  # Named in the row (say, confirmed consent), but not their upload.
        for field in fields:
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
        if staff.school_id is not None:
            archive.writestr("my_learning.json", _json(_learning_record(staff)))
        for section in sections_for(staff):
            rows = list(section.queryset)
            counts[section.name] = len(rows)
            document = {"kind": section.label, "rows": [serialise(obj) for obj in rows]}
            archive.writestr(f"{section.name}.json", _json(document))
            for path, file in _files(section, rows, staff):
                with file.open("rb") as source:
                    archive.writestr(path, source.read())
        archive.writestr("README.txt", _readme(staff, counts))
    return counts


def _learning_record(staff: Staff) -> dict[str, Any]:
    """Everything on My learning, from the first day to today, as plain entries."""
    from hub.learning.selectors import learning_record

    today = timezone.localdate(timezone=staff.school.zone)
    entries = learning_record(staff, date(2000, 1, 1), today)
    rows = [{"staff_id": staff.pk, **asdict(entry)} for entry in entries]
    return {"kind": "Your learning record (My learning)", "rows": rows}


def _json(data: Any) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)


def _readme(staff: Staff, counts: dict[str, int]) -> str:
    lines = [
        f"Staffroom: the data held about {staff.full_name} ({staff.email}),",
        f"exported {timezone.now():%Y-%m-%d %H:%M %Z}.",
        "",
        "profile.json is your profile; my_learning.json is your record from My learning.",
        "Each other .json file holds the rows of one kind",
        "that you wrote or that name you; files/ holds the files you uploaded.",
        "",
    ]
    lines += [f"{name}.json: {count} rows" for name, count in sorted(counts.items())]
    return "\n".join(lines) + "\n"
