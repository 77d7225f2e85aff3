"""Read replicas: a web request's reads go to the `replica` database, and nobody misses
what they have just written.

Installed only when DATABASE_REPLICA_URL is set (hub/settings.py). The rules:

- Only a safe request (GET, HEAD, OPTIONS) may read from the replica, and only while
  `ReplicaReadsMiddleware` is handling it. Everything else reads the primary: the task
  worker, periodic jobs, management commands, threads the app starts. They claim tasks
  with SELECT ... FOR UPDATE and read what they wrote a moment ago; a standby refuses
  the first and may not have the second yet.
- Every write goes to the primary, and so does every read inside a transaction on it
  (an atomic block), so a service reads and locks the rows it is about to change.
- A request that writes (any POST, or a GET that saves something such as a session)
  reads the primary for the rest of the request, and its response sets a signed cookie
  that sends the same browser's reads to the primary for DATABASE_REPLICA_PIN_SECONDS.
  The person who posted an idea, signed in or changed a setting sees it on the page
  they are sent to next, however far the standby is behind. The session itself lives
  in the database, so the pin cannot be kept in it: a lagging standby would not have it.

A forged or stale cookie can only send its own reads to the primary, which is always
correct; it is signed so that a stale one is recognised by its age.
"""

import contextvars
from dataclasses import dataclass

from django.conf import settings
from django.core.signing import BadSignature
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
PIN_COOKIE = "staffroom_primary"
PIN_SALT = "hub.ops.db_router.pin"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class _Request:
    """What the router knows of the request being handled in this context."""

    may_read_replica: bool
    wrote: bool = False


# Per request (each gunicorn thread and each asyncio task has its own context). A new
# thread starts with none, so whatever it reads comes from the primary.
_current: contextvars.ContextVar[_Request | None] = contextvars.ContextVar(
    "staffroom_replica_request", default=None
)


def reads_from_replica() -> bool:
    """Whether a read made here, now, would go to the replica."""
    request = _current.get()
    return (
        request is not None
        and request.may_read_replica
        and not connections[DEFAULT_DB_ALIAS].in_atomic_block
    )


class PrimaryReplicaRouter:
    """Reads to the replica only where `reads_from_replica()` says so; all else to the primary."""

    def db_for_read(self, model, **hints) -> str:
        return REPLICA if reads_from_replica() else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        request = _current.get()
        if request is not None:
            # The rest of this request reads its own write back from the primary.
            request.wrote = True
            request.may_read_replica = False
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # The replica holds the primary's rows: an object read from either may point
        # at an object read from the other.
        return {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA, None}

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        # A standby is read-only: migrations reach it by replication.
        return db == DEFAULT_DB_ALIAS


def _pinned_to_primary(request) -> bool:
    try:
        request.get_signed_cookie(
            PIN_COOKIE, salt=PIN_SALT, max_age=settings.DATABASE_REPLICA_PIN_SECONDS
        )
    except (KeyError, BadSignature):  # no cookie, or a stale or forged one
        return False
    return True


class ReplicaReadsMiddleware:
    """Decides, per request, whether its reads may go to the replica (see the module's
    docstring), and pins a browser that has just written to the primary for a while."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        safe = request.method in SAFE_METHODS
        state = _Request(may_read_replica=safe and not _pinned_to_primary(request))
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        if not safe or state.wrote:
            response.set_signed_cookie(
                PIN_COOKIE,
                "1",
                salt=PIN_SALT,
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
