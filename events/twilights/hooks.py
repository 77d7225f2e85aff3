"""Registers twilights with hub: the afterwards job and the demo."""

from events.twilights import jobs
from events.twilights.demo import seed_twilights
from hub.registry import register_demo_seeder, register_periodic_job

register_periodic_job(name="events.follow_up_twilights", run=jobs.follow_up_twilights)
# After the board (its post-its) and the people of every demo school.
register_demo_seeder(order=60, name="twilights", seed=seed_twilights)
