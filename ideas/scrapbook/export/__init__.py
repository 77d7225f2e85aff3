"""Builders for an edition's exports (PDF, Word, CSV) and the Markdown they share."""
