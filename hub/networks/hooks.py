"""What networks and the directory register with hub: their part of the demo."""

from hub.directory.demo import seed_register
from hub.networks.demo import seed_network
from hub.registry import register_demo_seeder

# Early: the features' demos (twilights, placements) find the trust already full.
register_demo_seeder(order=5, name="network", seed=seed_network)
register_demo_seeder(order=6, name="schools_register", seed=seed_register)
