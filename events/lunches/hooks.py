"""Registers learning lunches with hub: contribution kinds, home panel, dashboard column,
digest, jobs, demo and scale data."""

from events.lunches import jobs
from events.lunches.demo import seed_lunches
from events.lunches.models import Input, Takeaway
from events.lunches.scale import generate_lunches
from events.lunches.selectors import attendance_counts, lunches_for, upcoming_with_free_places
from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_home_panel,
    register_participation_metric,
    register_periodic_job,
    register_scale_generator,
)

HOME_PANEL_LUNCHES = 3


def home_panel_context(staff) -> dict:
    """The next few lunches with their free places and this person's state (one query)."""
    upcoming = lunches_for(staff).upcoming()[:HOME_PANEL_LUNCHES] if staff.school_id else []
    return {"next_lunches": list(upcoming)}


register_contribution(
    Input,
    label="Lunch input",
    label_plural="Lunch inputs",
    queue_template="events/lunches/_queue_lunch_part.html",
)
register_contribution(
    Takeaway,
    label="Lunch takeaway",
    label_plural="Lunch takeaways",
    queue_template="events/lunches/_queue_lunch_part.html",
)
register_home_panel(
    name="lunches", template_name="events/lunches/_home_panel.html", get_context=home_panel_context
)
register_participation_metric(
    key="events.attendance", label="Lunches attended", counts=attendance_counts, order=30
)
register_digest_section(
    name="lunches",
    template_name="events/lunches/_digest.html",
    get_context=upcoming_with_free_places,
)
register_periodic_job(name="events.remind_lunch_attendees", run=jobs.remind_lunch_attendees)
register_periodic_job(name="events.follow_up_lunches", run=jobs.follow_up_lunches)
register_demo_seeder(order=30, name="learning lunches", seed=seed_lunches)
register_scale_generator(order=30, name="events.lunches", generate=generate_lunches)
register_periodic_job(name="events.ask_how_takeaways_went", run=jobs.ask_how_takeaways_went)
