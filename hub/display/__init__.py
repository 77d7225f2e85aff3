"""The staffroom screen: a display link that shows a school's shared week without a
sign-in, and the printable A4 sheet made from the same sections (hub.registry)."""
