"""What placements register with hub: My learning entries, a profile section, demo data."""

from hub.placements.demo import seed_placements
from hub.placements.selectors import learning_entries, profile_placements
from hub.registry import register_demo_seeder, register_learning_source, register_profile_section

register_learning_source(order=50, name="placements", entries=learning_entries)
register_profile_section(
    name="placements",
    template_name="hub/placements/_profile.html",
    get_context=profile_placements,
)
register_demo_seeder(order=90, name="work-shadowing placements", seed=seed_placements)
