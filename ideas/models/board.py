"""Board models."""

__all__: list[str] = []
