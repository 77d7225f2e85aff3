"""Registers twilights with hub: the afterwards job, the demo and the link on a network's home."""

from django.urls import reverse

from events.twilights import jobs
from events.twilights.demo import seed_twilights
from hub.registry import register_demo_seeder, register_network_section, register_periodic_job

register_periodic_job(name="events.follow_up_twilights", run=jobs.follow_up_twilights)
# After the board (its post-its) and the people of every demo school.
register_demo_seeder(order=60, name="twilights", seed=seed_twilights)


def _twilights_url(network, viewer) -> str:
    return reverse("events:twilights")


register_network_section(
    name="twilights",
    title="Twilights",
    description="Speed Learning and TeachMeet evenings hosted by the network's schools.",
    url_for=_twilights_url,
)
