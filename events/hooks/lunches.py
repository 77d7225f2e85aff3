"""Registers learning lunches with hub: contribution kinds, home panel, demo content."""
