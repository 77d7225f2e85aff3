"""Registers the board with hub: contribution kinds, home panel, demo content."""
