"""Registers the network feed with hub: its section of each school's weekly digest."""

from hub.registry import register_digest_section
from ideas.network.selectors import network_digest

register_digest_section(
    name="network", template_name="ideas/network/_digest.html", get_context=network_digest
)
