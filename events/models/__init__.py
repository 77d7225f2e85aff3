from events.models.lunches import *  # noqa: F403
