"""Registers learning lunches with hub: contribution kinds, home panel, demo content, jobs."""

from events import jobs
from events.demo import seed_lunches
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
    from events.selectors import lunches_for

    upcoming = lunches_for(staff).upcoming()[:HOME_PANEL_LUNCHES] if staff.school_id else []
    return {"next_lunches": list(upcoming)}


def _generate_scale(schools, staff_by_school, weeks, rng) -> int:
    from events.scale import generate_lunches

    return generate_lunches(schools, staff_by_school, weeks, rng)


def _register() -> None:
    from events.models import Input, Takeaway

    register_contribution(Input, label="Lunch input", label_plural="Lunch inputs")
    register_contribution(Takeaway, label="Lunch takeaway", label_plural="Lunch takeaways")
    register_home_panel(
        order=30,
        template_name="events/lunches/_home_panel.html",
        get_context=home_panel_context,
    )
    register_demo_seeder(order=30, name="learning lunches", seed=seed_lunches)
    register_scale_generator(order=30, name="events.lunches", generate=_generate_scale)
    register_periodic_job(name="events.remind_lunch_attendees", run=jobs.remind_lunch_attendees)
    register_periodic_job(name="events.follow_up_lunches", run=jobs.follow_up_lunches)
    from events import insights

    register_participation_metric(
        key="events.attendance",
        label="Lunches attended",
        counts=insights.attendance_counts,
        order=30,
    )
    register_digest_section(
        order=30,
        template_name="events/lunches/_digest.html",
        get_context=insights.upcoming_with_free_places,
    )


_register()
