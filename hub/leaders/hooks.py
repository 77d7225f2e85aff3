"""What the leaders' tools register with hub: the celebrations panel, the Friday
digest, telling authors of moderation, and the demo school's moderation history."""

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from hub.fragments import Fragment, school_fragment
from hub.leaders.demo import seed_moderation
from hub.leaders.digest import celebrations_this_week, send_weekly_digests
from hub.leaders.moderation_notices import tell_authors_of_moderation
from hub.leaders.selectors import celebrations_for_display, latest_celebrations
from hub.registry import (
    register_demo_seeder,
    register_digest_section,
    register_display_section,
    register_home_panel,
    register_periodic_job,
)

# Colleagues at other schools of the network celebrate too, without changing this
# school's content version: their news reaches this panel within a minute.
CELEBRATIONS_PANEL_SECONDS = 60


def latest_celebrations_panel(staff) -> dict:
    """The panel as every member of staff at the school sees it (only shared work)."""

    def build() -> Fragment:
        celebrations = latest_celebrations(staff, limit=3)
        context = {"panel": {"celebrations": celebrations}}
        return Fragment(render_to_string("hub/leaders/_celebrations_list.html", context))

    school = staff.school if staff.school_id else None
    panel = school_fragment(school, "celebrations", build, seconds=CELEBRATIONS_PANEL_SECONDS)
    return {"celebrations_html": mark_safe(panel.html)}  # noqa: S308 - our template's output


register_home_panel(
    name="celebrations",
    template_name="hub/leaders/_celebrations_panel.html",
    get_context=latest_celebrations_panel,
)
register_display_section(
    name="celebrations",
    title="Celebrated",
    template_name="hub/leaders/_display_celebrations.html",
    get_context=celebrations_for_display,
)
register_digest_section(
    name="celebrations",
    template_name="emails/weekly_digest_celebrations.html",
    get_context=celebrations_this_week,
)
register_periodic_job(name="hub.weekly_digest", run=send_weekly_digests)
register_periodic_job(name="hub.tell_authors_of_moderation", run=tell_authors_of_moderation)
register_demo_seeder(order=90, name="hub.moderation", seed=seed_moderation)
