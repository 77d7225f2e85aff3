"""Registers learning lunches with hub: contribution kinds, home panel, dashboard column,
digest, jobs, demo and scale data."""

import copy

from django.utils import timezone

from events.lunches import jobs
from events.lunches.demo import seed_lunches
from events.lunches.models import Input, Takeaway
from events.lunches.scale import generate_lunches
from events.lunches.selectors import (
    LIVE,
    attendance_counts,
    learning_entries,
    lunches_for,
    my_sign_up_states,
    next_lunch_for_display,
    schedule_lunch_for,
    upcoming_with_free_places,
)
from hub.fragments import Fragment, school_fragment
from hub.registry import (
    register_contribution,
    register_demo_seeder,
    register_digest_section,
    register_display_section,
    register_home_panel,
    register_learning_source,
    register_participation_metric,
    register_periodic_job,
    register_scale_generator,
    register_topic_action,
)

HOME_PANEL_LUNCHES = 3


def home_panel_context(staff) -> dict:
    """The next few lunches with their free places (the school's, kept with its fragments)
    and this person's state (one small query)."""
    if not staff.school_id:
        return {"next_lunches": []}

    def build() -> Fragment:
        return Fragment("", list(lunches_for(staff).upcoming()[:HOME_PANEL_LUNCHES]))

    # "Coming up" changes as lunches start: the minute is part of the key.
    minute = timezone.now().strftime("%Y%m%d%H%M")
    shared = school_fragment(staff.school, "lunches-home", build, parts=[minute]).data
    mine = my_sign_up_states(staff, [lunch.pk for lunch in shared])
    next_lunches = []
    for lunch in shared:
        lunch = copy.copy(lunch)  # the cached one is everyone's
        states = [state for state in LIVE if f"{state}:{lunch.pk}" in mine]
        lunch.my_state = states[0] if states else None
        next_lunches.append(lunch)
    return {"next_lunches": next_lunches}


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
register_display_section(
    name="lunches",
    title="Next learning lunch",
    template_name="events/lunches/_display.html",
    get_context=next_lunch_for_display,
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
register_learning_source(order=30, name="lunches", entries=learning_entries)
register_topic_action(
    order=10, name="lunches", label="Make it a learning lunch", url_for=schedule_lunch_for
)
