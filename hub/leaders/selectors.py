"""Reads across every registered kind of contribution: the moderation queue,
celebrations and the term summary. One query per kind at most, whatever the
amount of content, so these pages keep a constant query count."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import (
    Case,
    CharField,
    DateTimeField,
    F,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.query import EmptyQuerySet
from django.urls import reverse

from hub.lib.compiled_sql import STAND_IN_AUTHOR_ID, StandInViewer, fetch_rows
from hub.lib.terms import day_bounds
from hub.models import Flag, RoleGroup, Staff, Status
from hub.networks.access import shared_to_network
from hub.registry import ContributionKind, contribution_kinds

QUEUE_PER_PAGE = 20


@dataclass
class QueueEntry:
    kind: ContributionKind
    item: object
    flags: list[Flag] = field(default_factory=list)
    # Set in a network's queue: its leads act through the network's own URLs.
    network_id: int | None = None

    @property
    def key(self) -> str:
        return self.kind.model._meta.label_lower

    def action_url(self, action: str) -> str:
        if self.network_id is not None:
            args = [self.network_id, self.key, self.item.pk, action]
            return reverse("hub:network_moderate", args=args)
        return reverse("hub:moderate", args=[self.key, self.item.pk, action])

    @property
    def approve_url(self) -> str:
        return self.action_url("approve")

    @property
    def hide_url(self) -> str:
        return self.action_url("hide")

    @property
    def return_url(self) -> str:
        return self.action_url("return")

    @property
    def dismiss_url(self) -> str:
        return self.action_url("dismiss_flags")


def kind_for(model) -> ContributionKind | None:
    return next((kind for kind in contribution_kinds() if kind.model is model), None)


def moderation_queue_index(moderator):
    """(kind_key, pk, waiting_since) of everything waiting for approval or flagged at the
    moderator's school, oldest first, across every kind: one UNION query, ready to paginate.

    An item waits from when it was submitted or, once shared, from its first open flag.
    """
    return _queue_index(
        lambda model: model.objects.filter(school_id=moderator.school_id),
        Flag.objects.open().filter(school_id=moderator.school_id),
    )


def network_queue_index(network):
    """The same for a network's leads: only what member schools opened to the network
    (never their school-only work), waiting or flagged. One UNION query."""
    return _queue_index(
        lambda model: shared_to_network(model.objects.all(), network),
        Flag.objects.open().filter(school_id__in=network.schools.values("pk")),
    )


def _queue_index(rows_of, open_flags):
    parts = []
    for kind in contribution_kinds():
        content_type = ContentType.objects.get_for_model(kind.model)
        flags_of_kind = open_flags.filter(content_type=content_type)
        first_flag = Subquery(
            flags_of_kind.filter(object_id=OuterRef("pk"))
            .order_by("created_at")
            .values("created_at")[:1]
        )
        rows = (
            rows_of(kind.model)
            .filter(Q(status=Status.SUBMITTED) | Q(pk__in=flags_of_kind.values("object_id")))
            .exclude(status__in=[Status.DRAFT, Status.HIDDEN])
            .annotate(
                kind_key=Value(kind.model._meta.label_lower, output_field=CharField()),
                waiting_since=Case(
                    When(status=Status.SUBMITTED, then=F("created_at")),
                    default=first_flag,
                    output_field=DateTimeField(),
                ),
            )
            .values("kind_key", "pk", "waiting_since")
            .order_by()
        )
        parts.append(rows)
    if not parts:
        return []
    index = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return index.order_by("waiting_since", "kind_key", "pk")


def load_queue_entries(rows, *, network_id: int | None = None) -> list[QueueEntry]:
    """The contributions behind a page of index rows, in order, each in full: one query per
    kind present (plus what the kind prefetches, such as an article's photos) and one for
    their open flags."""
    rows = list(rows)
    kinds = {kind.model._meta.label_lower: kind for kind in contribution_kinds()}
    wanted: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        wanted[row["kind_key"]].append(row["pk"])
    loaded: dict[tuple[str, int], object] = {}
    flag_filter = Q(pk__in=[])
    content_types = {}
    for key, pks in wanted.items():
        model = kinds[key].model
        content_types[key] = ContentType.objects.get_for_model(model)
        flag_filter |= Q(content_type=content_types[key], object_id__in=pks)
        items = (
            model.objects.filter(pk__in=pks)
            .select_related("author", "school", *model.moderation_related)
            .prefetch_related(*model.moderation_prefetch)
        )
        loaded.update(((key, item.pk), item) for item in items)
    flags: dict[tuple[int, int], list[Flag]] = defaultdict(list)
    if wanted:
        for flag in Flag.objects.open().filter(flag_filter).select_related("flagged_by"):
            flags[(flag.content_type_id, flag.object_id)].append(flag)
    return [
        QueueEntry(
            kinds[row["kind_key"]],
            loaded[(row["kind_key"], row["pk"])],
            flags[(content_types[row["kind_key"]].pk, row["pk"])],
            network_id,
        )
        for row in rows
        if (row["kind_key"], row["pk"]) in loaded
    ]


def queue_entry(item, *, network_id: int | None = None) -> QueueEntry:
    """One contribution as the queue shows it (one query for its open flags)."""
    flags = Flag.objects.open().filter(
        content_type=ContentType.objects.get_for_model(item), object_id=item.pk
    )
    flags = list(flags.select_related("flagged_by"))
    return QueueEntry(kind_for(type(item)), item, flags, network_id)


@dataclass
class Celebrated:
    kind: ContributionKind
    item: object


def celebrated_index(viewer, *, author=None, newest: int | None = None):
    """(kind key, pk, celebrated_at) rows of every celebrated contribution the viewer
    may see, across kinds, newest first: one UNION query, ready to paginate.

    With `newest`, each kind gives only its newest few: PostgreSQL then walks each
    kind's celebrated_rows_index and stops, instead of sorting every celebrated row
    the viewer may see (4,000 at 500 schools: 85 ms for the home page's three).
    """
    if not connection.features.supports_slicing_ordering_in_compound:
        newest = None  # SQLite: no LIMIT inside a UNION; its tables are small anyway
    parts = []
    for kind in contribution_kinds():
        rows = kind.model.objects.visible_to(viewer).filter(
            status=Status.PUBLISHED, celebrated_at__isnull=False
        )
        if author is not None:
            rows = rows.filter(author_id=author.pk)
        key = Value(kind.model._meta.label_lower, output_field=CharField())
        part = rows.annotate(kind_key=key).values("kind_key", "pk", "celebrated_at")
        part = part.order_by("-celebrated_at", "-pk")
        if not isinstance(part, EmptyQuerySet):  # no school: nothing to show
            parts.append(part[:newest] if newest is not None else part.order_by())
    if not parts:
        return []
    if len(parts) == 1:
        return parts[0] if newest is not None else parts[0].order_by("-celebrated_at", "-pk")
    return parts[0].union(*parts[1:], all=True).order_by("-celebrated_at", "-pk")


def load_celebrated(rows) -> list[Celebrated]:
    """The contributions behind index rows, in the same order: one query per kind present."""
    rows = list(rows)
    kinds = {kind.model._meta.label_lower: kind for kind in contribution_kinds()}
    wanted: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        wanted[row["kind_key"]].append(row["pk"])
    loaded = {}
    for key, pks in wanted.items():
        model = kinds[key].model
        for item in (
            model.objects.filter(pk__in=pks)
            .select_related("author", *model.moderation_related)
            .prefetch_related(*model.credit_prefetch)
        ):
            loaded[(key, item.pk)] = item
    return [
        Celebrated(kinds[row["kind_key"]], loaded[(row["kind_key"], row["pk"])])
        for row in rows
        if (row["kind_key"], row["pk"]) in loaded
    ]


def _newest_celebrated(viewer, *, limit: int, author=None) -> list[Celebrated]:
    """The newest `limit` celebrated contributions the viewer may see (of one author)."""
    if not viewer.is_authenticated or viewer.school_id is None:
        return []
    return load_celebrated(_newest_celebrated_rows(viewer, limit=limit, author=author))


def _newest_celebrated_rows(viewer, *, limit: int, author=None) -> list[dict]:
    """Index rows (kind_key, pk, celebrated_at) of `_newest_celebrated`: one query.

    The UNION's SQL is compiled once per shape (see hub.lib.compiled_sql): building
    it cost the home page 9 ms of Python on every request.
    """
    stand_in = StandInViewer(is_moderator=viewer.is_moderator)
    kinds = tuple(kind.model._meta.label_lower for kind in contribution_kinds())
    shape = ("newest_celebrated", kinds, stand_in.is_moderator, author is not None, limit)

    def build():
        # Slice, never test the queryset for truth: `if index` would fetch every
        # celebrated row the viewer may see (4,000 at 500 schools) to show three.
        stand_in_author = Staff(pk=STAND_IN_AUTHOR_ID) if author is not None else None
        return celebrated_index(stand_in, author=stand_in_author, newest=limit)[:limit]

    bindings = {stand_in.pk: viewer.pk, stand_in.school_id: viewer.school_id}
    if author is not None:
        bindings[STAND_IN_AUTHOR_ID] = author.pk
    return fetch_rows(shape, build, bindings)


def latest_celebrations(viewer, *, limit: int = 3) -> list[Celebrated]:
    """The newest celebrated contributions the viewer may see, for the home page's panel
    and the staffroom screen. Both keep what this renders in the school's fragment
    (hub.fragments, keyed on the school's content version, which every moderator action
    raises), so the UNION over every kind is planned once per change at the school, and
    once a minute for other schools' shared work: not on every page."""
    if not viewer.is_authenticated or viewer.school_id is None:
        return []
    return _newest_celebrated(viewer, limit=limit)


def celebrations_for(staff, *, viewer=None, limit: int = 20) -> list[Celebrated]:
    """A staff member's celebrated contributions, newest first, for their profile.

    Scoped to what `viewer` may see (defaults to the staff member themselves).
    """
    return _newest_celebrated(viewer or staff, author=staff, limit=limit)


# A person's newest few pieces of work are named on the term summary; the rest are
# "and 4 more", so the page stays a thank-you that fits on paper, not a league table.
TERM_WORK_SHOWN = 5


@dataclass
class SharedWork:
    title: str
    url: str
    created_at: datetime


@dataclass
class Contributor:
    staff: Staff
    work: list[SharedWork]  # newest first, at most TERM_WORK_SHOWN
    more: int = 0

    @property
    def count(self) -> int:
        return len(self.work) + self.more


@dataclass
class TermSummary:
    staff_count: int
    contributors: dict[str, list[Contributor]]  # role group label -> contributors

    @property
    def contributor_count(self) -> int:
        return sum(len(people) for people in self.contributors.values())


def term_summary(school, start: date, end: date) -> TermSummary:
    """Who shared what between two dates (school time), grouped by role, alphabetical.

    Lists each person's shared work of every kind, newest first: one query per kind,
    one for the staff. Work posted anonymously (a Thinking Thursday reply) is never
    named on a page printed for the staff, so it is left out.
    """
    lower, upper = day_bounds(start, end, school.zone)
    shared: dict[int, list[SharedWork]] = defaultdict(list)
    for kind in contribution_kinds():
        items = kind.shared_between(school, lower, upper).select_related(
            *kind.model.moderation_related
        )
        for item in items:
            if getattr(item, "is_anonymous", False):
                continue
            work = SharedWork(kind.title_of(item), item.get_absolute_url(), item.created_at)
            shared[item.author_id].append(work)
    people = Staff.objects.filter(school_id=school.pk).filter(
        Q(is_active=True) | Q(pk__in=list(shared))
    )
    grouped: dict[str, list[Contributor]] = {label: [] for label in RoleGroup.labels}
    staff_count = 0
    for person in people.order_by("full_name", "pk"):
        staff_count += 1  # active staff, plus any leaver who shared this term
        if work := shared.get(person.pk):
            work.sort(key=lambda piece: piece.created_at, reverse=True)
            label = RoleGroup(person.role_group).label
            contributor = Contributor(
                person, work[:TERM_WORK_SHOWN], max(0, len(work) - TERM_WORK_SHOWN)
            )
            grouped[label].append(contributor)
    return TermSummary(staff_count, {label: group for label, group in grouped.items() if group})


# Someone whose first-ever shared contribution is this recent is thanked at the top of
# the moderation queue: a first post is the bravest one.
FIRST_POST_WITHIN_DAYS = 14
FIRST_POSTS_SHOWN = 10


@dataclass(frozen=True)
class FirstPost:
    kind: ContributionKind
    item: object

    @property
    def key(self) -> str:
        return self.kind.model._meta.label_lower


def first_posts(moderator, now: datetime) -> list[FirstPost]:
    """Colleagues at the moderator's school who shared for the first time ever lately, with
    that first contribution, until a moderator celebrates it. Two queries per kind."""
    school_id, since = moderator.school_id, now - timedelta(days=FIRST_POST_WITHIN_DAYS)
    kinds = contribution_kinds()
    firsts: dict[int, datetime] = {}
    for kind in kinds:
        rows = (
            kind.shared()
            .filter(school_id=school_id)
            .values("author_id")
            .annotate(first=Min("created_at"))
            .values_list("author_id", "first")
        )
        for author_id, first in rows:
            firsts[author_id] = min(first, firsts.get(author_id, first))
    # The newest few: a whole staff joining at once still makes a short, readable list.
    recent = sorted((first, author) for author, first in firsts.items() if first >= since)[
        -FIRST_POSTS_SHOWN:
    ]
    newcomers = {author for _, author in recent}
    found: dict[int, FirstPost] = {}
    for kind in kinds if newcomers else []:
        recent = (
            kind.shared()
            .filter(school_id=school_id, author_id__in=newcomers, created_at__gte=since)
            .select_related("author", *kind.model.moderation_related)
        )
        for item in recent:
            if item.created_at == firsts[item.author_id] and item.celebrated_at is None:
                found[item.author_id] = FirstPost(kind, item)
    return sorted(found.values(), key=lambda post: post.item.created_at, reverse=True)


DISPLAY_CELEBRATIONS = 3


def celebrations_for_display(viewer, now: datetime) -> dict:
    """The staffroom screen's latest celebrations, as any colleague sees them: an
    anonymous reply's author stays "a colleague" (2 queries at most, one per kind shown)."""
    entries = []
    for entry in latest_celebrations(viewer, limit=DISPLAY_CELEBRATIONS):
        item = entry.item
        name_for = getattr(item, "author_name_for", None)
        entries.append(
            {
                "kind": entry.kind.label,
                "title": item.moderation_title(),
                "author": name_for(viewer) if name_for else item.author.name,
                "note": item.celebration_note,
                "celebrated_at": item.celebrated_at,
            }
        )
    return {"celebrations": entries}
