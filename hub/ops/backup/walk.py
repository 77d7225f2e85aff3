"""Which rows belong to one school, found by walking every model's foreign keys.

Nothing here names a feature's model: a model joins the export as soon as it
has a foreign key to School, or to a model that does (Staff, Idea, Lunch...),
or a generic foreign key (content_type + object_id) to such a row. Rows the
school's rows point at without owning them (its Network, taggit tags, a
superuser who audited something) come along so the archive is complete.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

from hub.models import School

# Not the school's data: sessions, lockout logs, task results. Content types and
# permissions are created by `migrate` in every database and are referred to by
# natural key (app label + model name) instead of being copied.
EXCLUDED_APPS = frozenset({"sessions", "axes", "django_tasks_database", "contenttypes"})
NATURAL_KEY_MODELS = (ContentType, Permission)
CHUNK = 500

Rows = dict[type[models.Model], set]


def backup_models() -> list[type[models.Model]]:
    """Every concrete model a school's data can live in, auto-created M2M tables included."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_label in EXCLUDED_APPS or model in NATURAL_KEY_MODELS:
            continue
        if meta.proxy or not meta.managed:
            continue
        found.append(model)
    return found


def foreign_keys(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.is_relation and (field.many_to_one or field.one_to_one)
    ]


def generic_keys(model: type[models.Model]) -> list[GenericForeignKey]:
    return [f for f in model._meta.private_fields if isinstance(f, GenericForeignKey)]


def school_rows(school: School) -> Rows:
    """Primary keys per model of every row the archive of `school` must hold.

    Costs a few queries per model and pass; the passes stop when nothing new is found.
    """
    # A row between two schools (a model marked `spans_schools`) would bring the other
    # school's people with it: it belongs to neither school's archive.
    candidates = [m for m in backup_models() if not getattr(m, "spans_schools", False)]
    owned: Rows = defaultdict(set)
    owned[School] = {school.pk}
    _grow(candidates, owned, _owned_pks)
    _grow(candidates, owned, _referenced_but_not_another_schools(school.pk))
    _drop_rows_pointing_outside(candidates, set(backup_models()), owned)
    return {model: pks for model, pks in owned.items() if pks}


def _referenced_but_not_another_schools(school_pk):
    """_referenced_pks, less rows that belong to another school: a network colleague's
    reaction on our post-it names them, but their staff row (and through it their
    school) is theirs, never in our archive."""

    def finder(model, fresh: Rows, rows: Rows) -> Iterator:
        pks = set(_referenced_pks(model, fresh, rows))
        to_school = [f for f in foreign_keys(model) if f.related_model is School]
        if not pks or not to_school:
            yield from pks
            return
        others = Q()
        for field in to_school:
            others |= Q(**{f"{field.attname}__isnull": False}) & ~Q(**{field.attname: school_pk})
        for chunk in _chunks(pks):
            theirs = set(
                model._base_manager.filter(others, pk__in=chunk).values_list("pk", flat=True)
            )
            yield from (pk for pk in chunk if pk not in theirs)

    return finder


def _drop_rows_pointing_outside(candidates, everything: set, rows: Rows) -> None:
    """Leave out rows whose foreign keys point at rows the archive does not hold (what a
    colleague at another school added to our post-its, a row naming a network's
    twilight): a restore could not put them back without that school's people.
    Repeats until nothing more points outside."""
    dropped = True
    while dropped:
        dropped = False
        for model in candidates:
            pks = rows.get(model)
            if not pks:
                continue
            for field in foreign_keys(model):
                target = field.related_model
                if (
                    target in NATURAL_KEY_MODELS
                    or target not in candidates
                    and target is not School
                ):
                    continue
                held = rows.get(target, set())
                outside = {
                    pk
                    for pk, value in _pairs(model, pks, field.attname)
                    if value is not None and value not in held
                }
                if outside:
                    rows[model] = pks = pks - outside
                    dropped = True


def _pairs(model, pks: set, attname: str) -> Iterator:
    for chunk in _chunks(pks):
        yield from model._base_manager.filter(pk__in=chunk).values_list("pk", attname)


def _grow(candidates, rows: Rows, finder) -> None:
    """Add what `finder` finds until nothing new turns up; each pass only looks
    from the rows the previous pass found (`fresh`), not the whole set again."""
    fresh: Rows = defaultdict(set, {model: set(pks) for model, pks in rows.items()})
    while any(fresh.values()):
        found: Rows = defaultdict(set)
        for model in candidates:
            new = set(finder(model, fresh, rows)) - rows[model]
            rows[model] |= new
            found[model] |= new
        fresh = found


def _owned_pks(model: type[models.Model], fresh: Rows, owned: Rows) -> Iterator:
    """Rows of `model` owned by the school: through its School key if it has one
    (authoritative: another school's row pointing at our staff stays theirs),
    otherwise through any owned parent or generic target."""
    keys = foreign_keys(model)
    to_school = [f for f in keys if f.related_model is School]
    parents = to_school or [f for f in keys if f.related_model is not model]
    for field in parents:
        yield from _pks_where(model, field.attname, fresh.get(field.related_model, ()))
    if to_school:
        return
    for generic in generic_keys(model):
        yield from _generic_pks(model, generic, fresh)


def _generic_pks(model, generic: GenericForeignKey, owned: Rows) -> Iterator:
    ct_field = model._meta.get_field(generic.ct_field)
    fk_field = model._meta.get_field(generic.fk_field)
    for target, pks in list(owned.items()):
        if not pks or target._meta.auto_created:
            continue
        content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
        values = [fk_field.to_python(pk) for pk in pks]
        rows = model._base_manager.filter(**{ct_field.attname: content_type.pk})
        yield from _pks_where(model, fk_field.attname, values, rows)


def _referenced_pks(model: type[models.Model], fresh: Rows, rows: Rows) -> Iterator:
    """Rows of `model` that exported rows point at (tags, networks, a superuser),
    and auto-created M2M rows whose both ends are exported."""
    for source, pks in list(fresh.items()):
        if not pks:
            continue
        for field in foreign_keys(source):
            if field.related_model is not model:
                continue
            yield from _values_of(source, pks, field.attname)
    if model._meta.auto_created:
        yield from _through_pks(model, fresh, rows)


def _through_pks(model, fresh: Rows, rows: Rows) -> Iterator:
    keys = foreign_keys(model)
    names = [f.attname for f in keys]
    for side in keys:
        for chunk in _chunks(fresh.get(side.related_model, ())):
            query = model._base_manager.filter(**{f"{side.attname}__in": chunk})
            for row in query.values("pk", *names):
                if all(
                    f.related_model in NATURAL_KEY_MODELS or row[f.attname] in rows[f.related_model]
                    for f in keys
                ):
                    yield row["pk"]


def _values_of(model, pks: set, attname: str) -> Iterator:
    for chunk in _chunks(pks):
        for value in model._base_manager.filter(pk__in=chunk).values_list(attname, flat=True):
            if value is not None:
                yield value


def _pks_where(model, attname: str, values: Iterable, rows=None) -> Iterator:
    rows = model._base_manager.all() if rows is None else rows
    for chunk in _chunks(values):
        yield from rows.filter(**{f"{attname}__in": chunk}).values_list("pk", flat=True)


def _chunks(values: Iterable) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def dependency_order(model_list: Iterable[type[models.Model]]) -> list[type[models.Model]]:
    """Models sorted so each comes after the models its foreign keys point at
    (self references and cycles are broken; constraints are checked at commit)."""
    remaining = sorted(model_list, key=lambda m: m._meta.label)
    placed: list[type[models.Model]] = []
    while remaining:
        ready = [
            model
            for model in remaining
            if all(
                f.related_model is model or f.related_model not in remaining
                for f in foreign_keys(model)
            )
        ]
        placed_now = ready or remaining[:1]
        placed.extend(placed_now)
        remaining = [m for m in remaining if m not in placed_now]
    return placed
