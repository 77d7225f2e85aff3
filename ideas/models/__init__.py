from ideas.models.board import *  # noqa: F403
from ideas.models.scrapbook import *  # noqa: F403
from ideas.models.thursday import *  # noqa: F403
