"""Learning lunch models."""

__all__: list[str] = []
