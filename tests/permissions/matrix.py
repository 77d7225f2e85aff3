"""The table every URL in the project gets a row in: who may open it, and what they get.

Actors: anonymous, staff (teacher), moderator, admin (school admin), outsider
(a teacher at another school, who must get 404 for this school's objects).
Each feature adds its rows in a `rows_<feature>.py` module beside this one.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

ACTORS = ("anonymous", "staff", "moderator", "admin", "outsider")


@dataclass(frozen=True)
class World:
    """The people and objects a row's URL arguments and data can be built from."""

    school: Any
    other_school: Any
    people: dict[str, Any]


@dataclass(frozen=True)
class Row:
    url_name: str
    expect: dict[str, int]
    method: str = "get"
    # Builds the URL's kwargs from the world (creating any object it needs).
    kwargs: Callable[[World], dict] | None = None
    data: Callable[[World], dict] | None = None
    note: str = field(default="", compare=False)

    def __post_init__(self):
        missing = set(ACTORS) - set(self.expect)
        if missing:
            raise ValueError(f"{self.url_name}: no expectation for {sorted(missing)}")


def everyone(code: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    expect = {actor: code for actor in ACTORS}
    expect["anonymous"] = anonymous
    expect.update(overrides)
    return expect
