"""Thursday models."""

__all__: list[str] = []
