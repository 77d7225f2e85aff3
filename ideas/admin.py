"""Django admin for every ideas model, one module per feature."""

from ideas.board.admin import *  # noqa: F403
from ideas.network.admin import *  # noqa: F403
from ideas.scrapbook.admin import *  # noqa: F403
from ideas.thursday.admin import *  # noqa: F403
