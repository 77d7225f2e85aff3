"""Django admin for every ideas model, one module per feature."""

from ideas.admin_board import *  # noqa: F403
from ideas.admin_scrapbook import *  # noqa: F403
from ideas.admin_thursday import *  # noqa: F403
