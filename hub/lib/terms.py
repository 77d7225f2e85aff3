"""English school terms: autumn (Sept–Dec), spring (Jan–Easter), summer (Easter–July).

Term dates differ a little between schools; these are the ranges a leader
means by "this term", wide enough to hold every school's real dates. No Django.
"""

from dataclasses import dataclass
from datetime import date, timedelta


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

    @property
    def label(self) -> str:
        return f"{self.name} term {self.first_day.year}"


def _terms_of_year(year: int) -> list["Term"]:
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
