"""Every model of the events app, imported here so Django finds them: each lives in its feature."""

from events.lunches.models import *  # noqa: F403
from events.twilights.models import *  # noqa: F403
