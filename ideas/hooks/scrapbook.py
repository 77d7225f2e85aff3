"""Registers the scrapbook with hub: contribution kinds, home panel, demo content."""
