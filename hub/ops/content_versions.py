"""Which version of the content is current: the page cache's invalidation.

Every SQL statement that changes a row, wherever it runs (a view, a task, a
management command, the admin), replaces a version token:

- the writer's school's token, when a signed-in member of a school writes
  during a request;
- the token every page is keyed on (``everyone``), for any other write: tasks,
  periodic jobs, commands, sign-ups through an invitation, the admin.

`hub.ops.page_cache` keys a cached page on the tokens current when it began, so a
write makes every page it could have changed unreachable. Watching statements,
not model signals, also catches ``QuerySet.update()``, bulk inserts and raw SQL.

Tokens are random, not counters: if the cache drops one, the next reader makes
a new one, and no old page can ever match it again.

A token is replaced as soon as the statement runs (so a test, which never
commits, and code that reads its own writes see the change) and once more after
the transaction commits (so a page rendered from the data as it was before the
commit, under the first new token, is never served).
"""

import contextlib
import re
import secrets
from collections.abc import Iterator
from contextvars import ContextVar

from django.core.cache import cache
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created
from django.http import HttpRequest
from django.utils.functional import empty

from hub.ops.lost_cache import report_lost_cache

EVERYONE = "everyone"

# Rows that no cached page shows: the session, sign-in attempts (django-axes) and
# the task queue's own table (pages show a task's outcome from our own models).
UNWATCHED_TABLES = frozenset({"django_session", "django_tasks_database_dbtaskresult"})
UNWATCHED_PREFIXES = ("axes_",)

_READ_ONLY = (
    "SELECT", "SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET", "SHOW", "PRAGMA",
    "EXPLAIN",
)  # fmt: skip
_WRITTEN_TABLE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+[`"]?(\w+)', re.IGNORECASE
)

_request_in_progress: ContextVar[HttpRequest | None] = ContextVar(
    "request_in_progress", default=None
)
# A cache kept in the database would write while a token is replaced.
_replacing: ContextVar[bool] = ContextVar("replacing_token", default=False)


def _token_key(scope: str) -> str:
    return f"content-version:{scope}"


def school_scope(school_id: int) -> str:
    return f"school-{school_id}"


def current_tokens(school_id: int) -> tuple[str, str]:
    """The (school, everyone) tokens now; one cache round trip when both exist."""
    scopes = (school_scope(school_id), EVERYONE)
    found = cache.get_many([_token_key(scope) for scope in scopes])
    tokens = []
    for scope in scopes:
        token = found.get(_token_key(scope))
        if token is None:
            token = secrets.token_hex(8)
            if not cache.add(_token_key(scope), token, timeout=None):
                token = cache.get(_token_key(scope), token)
        tokens.append(token)
    return tokens[0], tokens[1]


def replace_token(scope: str) -> None:
    reset = _replacing.set(True)
    try:
        cache.set(_token_key(scope), secrets.token_hex(8), timeout=None)
    except Exception:
        # A write must never fail because the cache is down. Pages cached before
        # it went away carry the minute they were made, so none outlives a minute.
        report_lost_cache(f"could not replace the content version of {scope}")
    finally:
        _replacing.reset(reset)


@contextlib.contextmanager
def request_in_progress(request: HttpRequest) -> Iterator[None]:
    """Let writes during this request find the writer's school."""
    reset = _request_in_progress.set(request)
    try:
        yield
    finally:
        _request_in_progress.reset(reset)


def _writer_scope() -> str:
    request = _request_in_progress.get()
    user = getattr(request, "user", None) if request is not None else None
    # Never load the user from here (a query in the middle of another one):
    # a user nobody has looked at yet cannot have written anything of a school.
    user = getattr(user, "_wrapped", user)
    if user is None or user is empty or not user.is_authenticated:
        return EVERYONE
    school_id = getattr(user, "school_id", None)
    return school_scope(school_id) if school_id else EVERYONE


def changed_table(sql: str) -> str | None:
    """The table a statement writes to, or None for a read ('' if it cannot tell)."""
    head = sql.lstrip("( \t\n")[:9].upper()  # a UNION starts "(SELECT"
    if head.startswith(_READ_ONLY):
        return None
    match = _WRITTEN_TABLE.match(sql)
    return match.group(1).lower() if match else ""


def _is_watched(table: str) -> bool:
    return table not in UNWATCHED_TABLES and not table.startswith(UNWATCHED_PREFIXES)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    table = changed_table(sql) if isinstance(sql, str) else ""
    if table is not None and _is_watched(table) and not _replacing.get():
        scope = _writer_scope()
        replace_token(scope)
        connection = context["connection"]
        if connection.in_atomic_block:
            _replace_after_commit(connection, scope)
    return result


def _replace_after_commit(connection: BaseDatabaseWrapper, scope: str) -> None:
    """Once per scope and transaction, however many rows it writes.

    Looks in the connection's pending callbacks rather than keeping its own
    record: a savepoint rolled back takes its callbacks with it, and the next
    write must then register again.
    """
    pending = (callback for _savepoints, callback, _robust in connection.run_on_commit)
    if any(getattr(callback, "content_scope", None) == scope for callback in pending):
        return

    def replace() -> None:
        replace_token(scope)

    replace.content_scope = scope
    transaction.on_commit(replace, using=connection.alias)


def _watch_connection(sender, connection: BaseDatabaseWrapper, **kwargs) -> None:
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_writes)


def watch_every_connection() -> None:
    """Called once at start-up (HubConfig.ready)."""
    connection_created.connect(_watch_connection, dispatch_uid="content_versions")
