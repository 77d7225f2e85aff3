"""Registers the network feed with hub: its section of each school's weekly digest and
its link on a network's home."""

from django.urls import reverse

from hub.registry import register_digest_section, register_network_section
from ideas.network.selectors import network_digest

register_digest_section(
    name="network", template_name="ideas/network/_digest.html", get_context=network_digest
)


def _feed_url(network, viewer) -> str:
    return reverse("ideas:network_feed", args=[network.pk])


register_network_section(
    name="feed",
    title="Across the network",
    description="Ideas colleagues in the network's schools opened to it; try one.",
    url_for=_feed_url,
)
