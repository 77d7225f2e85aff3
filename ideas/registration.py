"""Registers this app's contribution kinds, home panels and demo content with hub."""

from ideas.hooks import board, scrapbook, thursday  # noqa: F401
