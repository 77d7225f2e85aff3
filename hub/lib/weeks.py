"""Weeks run Monday to Sunday in the school's time zone. No Django here."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo


@dataclass(frozen=True)
class Week:
    monday: date

    @classmethod
    def containing(cls, day: date) -> "Week":
        return cls(day - timedelta(days=day.weekday()))

    @classmethod
    def of_moment(cls, moment: datetime, zone: tzinfo) -> "Week":
        return cls.containing(moment.astimezone(zone).date())

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    def previous(self) -> "Week":
        return Week(self.monday - timedelta(days=7))

    def next(self) -> "Week":
        return Week(self.monday + timedelta(days=7))

    def bounds(self, zone: tzinfo) -> tuple[datetime, datetime]:
        """Start (inclusive) and end (exclusive) of the week as aware datetimes."""
        start = datetime.combine(self.monday, time.min, tzinfo=zone)
        end = datetime.combine(self.monday + timedelta(days=7), time.min, tzinfo=zone)
        return start, end

    def label(self) -> str:
        if self.monday.month == self.sunday.month:
            return f"{self.monday.day}–{self.sunday.day} {self.sunday:%B %Y}"
        if self.monday.year == self.sunday.year:
            return f"{self.monday.day} {self.monday:%b} – {self.sunday.day} {self.sunday:%b %Y}"
        return f"{self.monday:%-d %b %Y} – {self.sunday:%-d %b %Y}"
