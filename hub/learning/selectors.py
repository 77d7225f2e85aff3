"""Reads for My learning: a person's record, their focuses and what colleagues shared
about them. Queries are per registered source or kind, never per entry."""

from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import or_

from django.db.models import Count, Q

from hub.lib.terms import Term, day_bounds
from hub.models import LearningFocus, LearningNote, Status
from hub.models.learning import school_year_of
from hub.registry import LearningEntry, contribution_kinds, learning_sources


def school_year_bounds(today: date) -> tuple[date, date]:
    """1 September to 31 August of the school year `today` falls in."""
    year = school_year_of(today)
    return date(year, 9, 1), date(year + 1, 8, 31)


def focuses_of(staff, year: int) -> list[LearningFocus]:
    """A person's focuses for a school year, with their tags (two queries)."""
    return list(
        LearningFocus.objects.filter(staff_id=staff.pk, school_year=year).prefetch_related("tags")
    )


def profile_focuses(member) -> list[LearningFocus]:
    """The focuses `member` chose to show on their profile, newest school year first."""
    return list(
        LearningFocus.objects.filter(staff_id=member.pk, show_on_profile=True)
        .order_by("-school_year", "created_at")
        .prefetch_related("tags")[:4]
    )


def notes_entries(person, start, end) -> list[LearningEntry]:
    """The person's own notes on My learning (two queries: notes, their tags)."""
    notes = LearningNote.objects.filter(
        staff_id=person.pk, created_at__gte=start, created_at__lt=end
    ).prefetch_related("tags")
    return [
        LearningEntry(
            when=note.created_at,
            kind="note",
            verb="Noted",
            title="a reflection",
            url=note.get_absolute_url(),
            reflection=note.text,
            is_private=note.is_private,
            tags=tuple(tag.name for tag in note.tags.all()),
        )
        for note in notes
    ]


def learning_record(person, start: date, end: date) -> list[LearningEntry]:
    """Everything the person did from `start` to `end` (dates in their school's zone,
    both inclusive), newest first: a fixed number of queries per registered source."""
    zone = person.school.zone
    first, after = day_bounds(start, end, zone)
    entries = notes_entries(person, first, after)
    for source in learning_sources():
        entries.extend(source.entries(person, first, after))
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries


def matches_focus(entry: LearningEntry, focus: LearningFocus) -> bool:
    """An entry tagged with one of the focus's tags, or naming one of them or the focus."""
    words = {tag.name.casefold() for tag in focus.tags.all()} | {focus.text.casefold()}
    if words & {tag.casefold() for tag in entry.tags}:
        return True
    text = f"{entry.title} {entry.reflection}".casefold()
    return any(word in text for word in words)


@dataclass
class TermOfEntries:
    term: Term
    entries: list[LearningEntry]


def by_term(entries: list[LearningEntry], zone) -> list[TermOfEntries]:
    """Entries (newest first) grouped by school term, newest term first."""
    groups: list[TermOfEntries] = []
    for entry in entries:
        term = Term.containing(entry.when.astimezone(zone).date())
        if not groups or groups[-1].term != term:
            groups.append(TermOfEntries(term, []))
        groups[-1].entries.append(entry)
    return groups


@dataclass(frozen=True)
class Suggestion:
    """ "3 colleagues shared 4 board ideas about questioning this term"."""

    tag: str
    label: str
    label_plural: str
    people: int
    items: int

    @property
    def what(self) -> str:
        return (self.label if self.items == 1 else self.label_plural).lower()


def focus_suggestions(viewer, focuses: list[LearningFocus], today: date) -> list[Suggestion]:
    """ "3 colleagues shared ideas about questioning this term": colleagues' shared work
    tagged with the viewer's focus tags, as far as the scoping rule lets them see it.
    One query per contribution kind that has tags."""
    names = {tag.name.casefold(): tag.name for focus in focuses for tag in focus.tags.all()}
    if not names:
        return []
    term = Term.containing(today)
    first, after = day_bounds(term.first_day, min(term.last_day, today), viewer.school.zone)
    tagged = reduce(or_, (Q(tags__name__iexact=name) for name in names.values()))
    suggestions = []
    for kind in contribution_kinds():
        if not hasattr(kind.model, "tags"):
            continue
        rows = (
            kind.model.objects.visible_to(viewer)
            .filter(status=Status.PUBLISHED, created_at__gte=first, created_at__lt=after)
            .exclude(author_id=viewer.pk)
            .filter(tagged)
            .values("tags__name")
            .annotate(people=Count("author", distinct=True), items=Count("pk", distinct=True))
            .order_by("tags__name")
        )
        suggestions += [
            Suggestion(
                row["tags__name"], kind.label, kind.label_plural, row["people"], row["items"]
            )
            for row in rows
        ]
    return suggestions


def default_period(today: date) -> tuple[date, date]:
    """The export form's first choice: this term so far."""
    term = Term.containing(today)
    return term.first_day, min(term.last_day, today)
