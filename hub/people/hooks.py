"""What the people side registers with hub: the demo school's notifications."""

from hub.people.demo import seed_notifications
from hub.registry import register_demo_seeder

register_demo_seeder(order=95, name="notifications", seed=seed_notifications)
