"""The dates a person may type or ask for in a URL: any page tolerates year 1, year 9999
and garbage, with a message next to the field or the nearest sensible week.

Python's dates end at years 1 and 9999, so a week, a term or a time zone conversion near
either end overflows (a 500 on `/board/?week=0001-01-01`). No school record is older than
EARLIEST_DAY or planned beyond LATEST_DAY.
"""

from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

EARLIEST_DAY = date(1900, 1, 1)
LATEST_DAY = date(2199, 12, 31)
OUT_OF_RANGE = f"Choose a date between {EARLIEST_DAY.year} and {LATEST_DAY.year}."


def day_from_text(text: str) -> date | None:
    """An ISO date (YYYY-MM-DD) between EARLIEST_DAY and LATEST_DAY, else None."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        return None
    return day if EARLIEST_DAY <= day <= LATEST_DAY else None


class DayField(forms.DateField):
    """Every date field of every form: a date a school could mean, or a clear message."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators += [
            MinValueValidator(EARLIEST_DAY, message=OUT_OF_RANGE),
            MaxValueValidator(LATEST_DAY, message=OUT_OF_RANGE),
        ]
