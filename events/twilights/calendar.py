"""A twilight's calendar file (.ics), as a lunch's (events/lunches/calendar.py)."""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar, Event

from events.twilights.models import Twilight


def event_uid(twilight: Twilight) -> str:
    """The same in every file of this twilight, never that of another school's or
    installation's event with the same number (the host school's uid differs)."""
    domain = urlsplit(settings.SITE_URL).hostname or "staffroom"
    return f"twilight-{twilight.pk}-{twilight.host_school.uid}@{domain}"


def twilight_calendar(twilight: Twilight) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Staffroom//Twilights//EN")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", event_uid(twilight))
    event.add("dtstamp", dt.datetime.now(dt.UTC))
    event.add("dtstart", twilight.starts_at.astimezone(dt.UTC))
    event.add("dtend", twilight.ends_at.astimezone(dt.UTC))
    event.add("summary", f"{twilight.get_kind_display()}: {twilight.title}")
    event.add("location", twilight.place or twilight.online_link)
    url = settings.SITE_URL + twilight.get_absolute_url()
    lines = [f"Hosted by {twilight.host_school} for {twilight.network}."]
    if twilight.description:
        lines.append(twilight.description)
    if twilight.online_link:
        lines.append(f"Join online: {twilight.online_link}")
    lines.append(url)
    event.add("description", "\n".join(lines))
    event.add("url", url)
    calendar.add_component(event)
    return calendar.to_ical()
