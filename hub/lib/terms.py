"""School terms in England: autumn (September to December), spring (January to
March) and summer (April to August). Easter moves; these fixed bounds are close
enough for a "this term" default, and a moderator can pick exact dates. No Django here."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True)
class Term:
    name: str
    start: date
    end: date  # inclusive

    @classmethod
    def containing(cls, day: date) -> "Term":
        if day.month >= 9:
            return cls("Autumn", date(day.year, 9, 1), date(day.year, 12, 31))
        if day.month <= 3:
            return cls("Spring", date(day.year, 1, 1), date(day.year, 3, 31))
        return cls("Summer", date(day.year, 4, 1), date(day.year, 8, 31))

    def label(self) -> str:
        return f"{self.name} term {self.start.year}"


def day_bounds(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """From the start of `start` (inclusive) to the end of `end` (exclusive), in `zone`."""
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def is_whole_term(start: date, end: date) -> bool:
    term = Term.containing(start)
    return (term.start, term.end) == (start, end)


def range_label(start: date, end: date) -> str:
    if is_whole_term(start, end):
        return Term.containing(start).label()
    return f"{start:%-d %b %Y} to {end:%-d %b %Y}"
