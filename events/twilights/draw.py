"""The TeachMeet running order, drawn at random, fairly and on the record (no Django).

The seed comes from the operating system's secure source (`secrets`), so nobody —
not the host, not us — can choose or predict it; the order is then a Fisher-Yates
shuffle (`random.Random.shuffle`) of the presenters in sign-up order, seeded with it.
Every ordering is equally likely, and anyone holding the seed and the list can draw
the same order again to check it (test_draw.py does).
"""

import random
import secrets
from collections.abc import Sequence

SEED_BYTES = 16


def new_seed() -> str:
    return secrets.token_hex(SEED_BYTES)


def running_order(presenter_ids: Sequence[int], seed: str) -> list[int]:
    """The presenters in the order drawn by `seed`: the same seed and list, the same order."""
    order = sorted(presenter_ids)
    random.Random(seed).shuffle(order)
    return order
