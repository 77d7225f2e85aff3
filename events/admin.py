"""Django admin for every events model, one module per feature."""

from events.lunches.admin import *  # noqa: F403
from events.twilights.admin import *  # noqa: F403
