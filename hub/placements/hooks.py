"""What placements register with hub: My learning entries, a profile section, demo data."""

from django.urls import reverse

from hub.placements.demo import seed_placements
from hub.placements.selectors import learning_entries, profile_placements
from hub.registry import (
    register_demo_seeder,
    register_learning_source,
    register_network_section,
    register_profile_section,
)

register_learning_source(order=50, name="placements", entries=learning_entries)
register_profile_section(
    name="placements",
    template_name="hub/placements/_profile.html",
    get_context=profile_placements,
)
register_demo_seeder(order=90, name="work-shadowing placements", seed=seed_placements)


def _placements_url(network, viewer) -> str:
    return reverse("hub:network_placements", kwargs={"network_pk": network.pk})


register_network_section(
    name="placements",
    title="Work-shadowing placements",
    description="Ask for a placement with a focus, or offer to host a colleague.",
    url_for=_placements_url,
)
