from events.models.lunches import *  # noqa: F403
from events.models.signups import *  # noqa: F403
from events.models.signups import hash_token  # noqa: F401
