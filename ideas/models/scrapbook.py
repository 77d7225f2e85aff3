"""Scrapbook models."""

__all__: list[str] = []
