"""Every model of the ideas app, imported here so Django finds them: each lives in its feature."""

from ideas.board.models import *  # noqa: F403
from ideas.network.models import *  # noqa: F403
from ideas.scrapbook.models import *  # noqa: F403
from ideas.thursday.models import *  # noqa: F403
