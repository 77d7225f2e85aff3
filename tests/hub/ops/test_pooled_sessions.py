"""Behind PgBouncer in transaction mode (DATABASE_POOLED=1) each transaction may run on a
different server connection, so no SQL the app writes by hand may leave state on a
connection for a later transaction: session settings, session advisory locks,
LISTEN, prepared statements, held cursors, temporary tables. Row locks need no check
here: Django refuses SELECT ... FOR UPDATE outside a transaction.

`make multiprocess` then runs the servers through a real PgBouncer."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
APPS = ("hub", "ideas", "events")
SESSION_STATE = re.compile(
    r"(^|;)\s*SET\s+(?!LOCAL\b)(SESSION\s+)?\w+\s*(=|TO\b)"  # outlives the transaction
    r"|(^|;)\s*SET\s+(SESSION\s+)?TIME\s+ZONE\b"
    r"|\bpg_(try_)?advisory_lock(_shared)?\s*\("  # the _xact_ variants end with it
    r"|(^|;)\s*(LISTEN|PREPARE|DISCARD|RESET)\b"
    r"|\bWITH\s+HOLD\b"
    r"|\bCREATE\s+(TEMP|TEMPORARY)\s+TABLE\b",
    re.IGNORECASE,
)


def session_state_in(sql: str) -> bool:
    return bool(SESSION_STATE.search(sql))


def _strings(path: Path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def test_the_check_knows_session_state_from_transaction_state():
    assert session_state_in("SET lock_timeout = '1s'")
    assert session_state_in("set session statement_timeout to 0")
    assert session_state_in("SET TIME ZONE 'Europe/London'")
    assert session_state_in("SELECT pg_advisory_lock(42)")
    assert session_state_in("LISTEN school_changed")
    assert session_state_in("DECLARE c CURSOR WITH HOLD FOR SELECT 1")
    assert session_state_in("CREATE TEMP TABLE t (id int)")
    assert not session_state_in("SET LOCAL lock_timeout = '1s'")
    assert not session_state_in("SELECT pg_advisory_xact_lock(42)")
    assert not session_state_in('UPDATE "hub_school" SET "content_version" = 1')


def test_no_sql_in_the_app_leaves_state_on_a_pooled_connection():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text[:60]!r}"
        for app in APPS
        for path in (ROOT / app).rglob("*.py")
        if "migrations" not in path.parts
        for line, text in _strings(path)
        if session_state_in(text)
    ]
    assert found == []
