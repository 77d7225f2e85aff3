"""English school terms: autumn (Sept–Dec), spring (Jan–Easter), summer (Easter–July).

Term dates differ a little between schools; these are the ranges a leader
means by "this term", wide enough to hold every school's real dates, and a
moderator can always pick exact dates instead. No Django here.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo


def easter_sunday(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return date(year, month, day + 1)


@dataclass(frozen=True)
class Term:
    name: str
    first_day: date
    last_day: date
    # A school's own term ("Autumn 2026") is labelled by its name as entered.
    named: bool = False

    @property
    def label(self) -> str:
        if self.named:
            return self.name
        return f"{self.name} term {self.first_day.year}"

    @classmethod
    def containing(cls, day: date) -> "Term":
        """The term `day` falls in; in the August holiday, the summer term just ended."""
        return term_containing(day) or previous_term(day)


def _terms_of_year(year: int) -> list[Term]:
    easter = easter_sunday(year)
    return [
        Term("Spring", date(year, 1, 1), easter),
        Term("Summer", easter + timedelta(days=1), date(year, 7, 31)),
        Term("Autumn", date(year, 9, 1), date(year, 12, 31)),
    ]


def term_containing(day: date) -> Term | None:
    """The term `day` falls in, or None in the summer holiday (August)."""
    for term in _terms_of_year(day.year):
        if term.first_day <= day <= term.last_day:
            return term
    return None


def previous_term(day: date) -> Term:
    """The last term that ended before `day`'s term (or before the holiday) began."""
    current = term_containing(day)
    before = (current.first_day if current else day) - timedelta(days=1)
    while (term := term_containing(before)) is None:
        before -= timedelta(days=1)
    return term


def day_bounds(start: date, end: date, zone: tzinfo) -> tuple[datetime, datetime]:
    """From the start of `start` (inclusive) to the end of `end` (exclusive), in `zone`."""
    return (
        datetime.combine(start, time.min, tzinfo=zone),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=zone),
    )


def is_whole_term(start: date, end: date) -> bool:
    term = term_containing(start)
    return term is not None and (term.first_day, term.last_day) == (start, end)


def range_label(start: date, end: date) -> str:
    if is_whole_term(start, end):
        return Term.containing(start).label
    return f"{start:%-d %b %Y} to {end:%-d %b %Y}"


def half_term_containing(day: date) -> tuple[date, date]:
    """The half of `day`'s term it falls in (first and last day), for "once a half-term" rules.

    Real half-term holidays differ between schools; splitting each term at its
    middle day is near enough for spacing out gentle reminders. In the August
    holiday, the second half of the summer term just ended.
    """
    term = Term.containing(day)
    middle = term.first_day + (term.last_day - term.first_day) // 2
    if day <= middle:
        return term.first_day, middle
    return middle + timedelta(days=1), term.last_day
