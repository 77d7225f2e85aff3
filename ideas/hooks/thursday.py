"""Registers the thursday with hub: contribution kinds, home panel, demo content."""
