"""Calendar files (.ics) for one lunch or a person's feed of lunches."""

import datetime as dt
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event

from events.lunches.models import Lunch


def event_uid(lunch: Lunch, school_uid) -> str:
    """The same in every feed and file of this lunch, so a calendar updates its event;
    never that of another school's or installation's lunch with the same number, whose
    school uid differs."""
    domain = urlsplit(settings.SITE_URL).hostname or "staffroom"
    return f"lunch-{lunch.pk}-{school_uid}@{domain}"


def _event(lunch: Lunch, school_uid) -> Event:
    event = Event()
    event.add("uid", event_uid(lunch, school_uid))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", lunch.starts_at.astimezone(dt.UTC))
    event.add("dtend", lunch.ends_at.astimezone(dt.UTC))
    event.add("summary", f"Learning lunch: {lunch.theme}" if lunch.theme else "Learning lunch")
    event.add("location", lunch.room)
    inputs = [item.title for item in getattr(lunch, "confirmed_inputs", [])]
    lines = ["Five-minute inputs from colleagues, and a plate to share."]
    if inputs:
        lines.append("Inputs: " + "; ".join(inputs))
    url = settings.SITE_URL + lunch.get_absolute_url()
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    return event


def lunches_calendar(lunches: Iterable[Lunch], *, name: str, school) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Staffroom//Learning lunches//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for lunch in lunches:
        calendar.add_component(_event(lunch, school.uid))
    return calendar.to_ical()
