"""Registers this app's contribution kinds, home panels and demo content with hub."""

from events.hooks import lunches  # noqa: F401
