"""The Python half of bench/pages.sh: which pages, a session cookie, query counts, plans.

Run with the same environment as the server (DATABASE_URL, DJANGO_* ...):
    python bench/pages.py paths      # "name path" per page, the ceiling first
    python bench/pages.py cookie     # "sessionid=..." for the benchmark's user
    python bench/pages.py queries    # "name status queries" per page (test client)
    python bench/pages.py cost       # median app CPU and wall ms per request, in-process
    python bench/pages.py explain    # EXPLAIN (ANALYZE, BUFFERS) of each page's slowest queries
    python bench/pages.py compare small.tsv large.tsv   # the closing table

To benchmark another page, add a line to PAGES.
"""

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
os.environ.setdefault("STAFFROOM_BENCH", "1")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from hub.models import Staff  # noqa: E402
from hub.ops.scale import scale_email  # noqa: E402

# School 1's headteacher: a moderator, so the dashboard opens too.
BENCH_USER = scale_email(1, 0)
HOST = "127.0.0.1"
EXPLAIN_SLOWEST = int(os.environ.get("BENCH_EXPLAIN_SLOWEST", "3"))


def _latest_past_lunch(user: Staff) -> str:
    from events.lunches.models import Lunch

    lunch = Lunch.objects.visible_to(user).past(timezone.now()).first()
    return reverse("events:lunch_detail", args=[lunch.pk])


def _latest_edition(user: Staff) -> str:
    from ideas.scrapbook.models import Edition

    edition = Edition.objects.visible_to(user).first()
    return reverse("ideas:edition_detail", args=[edition.pk])


@dataclass(frozen=True)
class Page:
    name: str
    path: Callable[[Staff], str]


PAGES = [
    Page("ceiling", lambda user: reverse("bench_ceiling")),
    Page("home", lambda user: reverse("hub:home")),
    Page("board", lambda user: reverse("ideas:board")),
    Page("thursday", lambda user: reverse("ideas:thursday")),
    Page("lunches", lambda user: reverse("events:lunches")),
    Page("lunch", _latest_past_lunch),
    Page("dashboard", lambda user: reverse("hub:dashboard")),
    Page("edition", _latest_edition),
]


def bench_user() -> Staff:
    user = Staff.objects.select_related("school").filter(email=BENCH_USER).first()
    if user is None:
        sys.exit(f"No {BENCH_USER} here: run manage.py seed_scale on this database first.")
    return user


def signed_in_client(user: Staff) -> Client:
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


def cmd_paths() -> None:
    user = bench_user()
    for page in PAGES:
        print(page.name, page.path(user))


def cmd_cookie() -> None:
    """A real database session, so both gunicorn workers accept it (no password round trip:
    login throttling and the password hasher are not what we measure)."""
    from django.contrib.sessions.backends.db import SessionStore

    user = bench_user()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    print(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")


def _fetch(client: Client, path: str):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    return response, queries.captured_queries, elapsed


def cmd_queries() -> None:
    user = bench_user()
    client = signed_in_client(user)
    for page in PAGES:
        path = page.path(user)
        client.get(path)  # warm caches (content types, templates) as a running server has them
        response, queries, _ = _fetch(client, path)
        print(page.name, response.status_code, len(queries))


def cmd_cost(repeats: str = "15") -> None:
    """Per page, the median app CPU time and wall time of one request in this process
    (test client, same database). CPU time barely moves with other processes' load,
    so it compares pages and sizes where wrk on a busy shared machine cannot."""
    user = bench_user()
    client = signed_in_client(user)
    for page in PAGES:
        path = page.path(user)
        status = client.get(path).status_code
        if status != 200:
            sys.exit(f"{page.name}: {path} answered {status}, not 200; check the environment.")
        cpu, wall = [], []
        for _ in range(int(repeats)):
            started_cpu, started = time.process_time(), time.perf_counter()
            client.get(path)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started) * 1000)
        print(f"{page.name}\t{statistics.median(cpu):.1f}\t{statistics.median(wall):.1f}")


def _plan(sql: str) -> tuple[float, list[str]]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        lines = [line for (line,) in cursor.fetchall()]
    executed = next(line for line in lines if line.startswith("Execution Time"))
    return float(executed.split()[2]), lines


def cmd_explain() -> None:
    """Every page's queries by PostgreSQL's own execution time, with the plans of the
    slowest: what a missing index looks like (Seq Scan, Rows Removed by Filter)."""
    user = bench_user()
    client = signed_in_client(user)
    for page in PAGES:
        path = page.path(user)
        client.get(path)
        _, queries, elapsed = _fetch(client, path)
        print(f"\n===== {page.name} {path}: {len(queries)} queries, {elapsed * 1000:.0f} ms")
        selects = [q["sql"] for q in queries if q["sql"].lstrip("( ").upper().startswith("SELECT")]
        plans = sorted((_plan(sql) + (sql,) for sql in selects), key=lambda plan: -plan[0])
        for ms, _lines, sql in plans:
            print(f"{ms:9.3f} ms  {sql[:150]}")
        for ms, lines, sql in plans[:EXPLAIN_SLOWEST]:
            print(f"\n--- {ms:.3f} ms: {sql[:400]}")
            for line in lines:
                print("   ", line)


def _read(path: str) -> dict[str, list[str]]:
    rows = {}
    for line in Path(path).read_text().splitlines():
        name, *values = line.split("\t")
        rows[name] = values
    return rows


def cmd_compare(small_path: str, large_path: str) -> None:
    """Columns: rps, median and p99 ms, queries (per size); % of ceiling; large/small median."""
    small, large = _read(small_path), _read(large_path)
    print(
        f"{'page':<10} {'size':<6}{'req/s':>8}{'median':>9}{'p99':>9}{'queries':>8}"
        f"{'of ceiling':>11}{'large/small':>12}"
    )
    verdicts = []
    for name in small:
        for size, table in (("small", small), ("large", large)):
            if name not in table:
                continue
            rps, median, p99, queries = table[name]
            share = float(rps) / float(table["ceiling"][0]) * 100
            ratio = ""
            if size == "large" and name in small:
                ratio = f"{float(median) / float(small[name][1]):.2f}x"
                if name != "ceiling":
                    verdicts.append((name, share >= 50, float(ratio[:-1]) <= 1.5, queries))
            print(
                f"{name:<10} {size:<6}{float(rps):>8.1f}{float(median):>8.1f}ms{float(p99):>7.1f}ms"
                f"{queries:>8}{share:>10.0f}%{ratio:>12}"
            )
    _compare_costs(*(_cost_file(path) for path in (small_path, large_path)))
    print()
    for name, throughput_ok, latency_ok, queries in verdicts:
        same_queries = small[name][3] == queries
        print(
            f"{name:<10} >=50% of ceiling: {'yes' if throughput_ok else 'NO'}; "
            f"large within 1.5x of small: {'yes' if latency_ok else 'NO'}; "
            f"same query count: {'yes' if same_queries else 'NO'}"
        )


def _cost_file(results_path: str) -> Path:
    """bench/out/cached-large.tsv -> bench/out/large.cost.tsv (cost is measured once per size)."""
    path = Path(results_path)
    return path.with_name(path.stem.rsplit("-", 1)[-1] + ".cost.tsv")


def _compare_costs(small_path: Path, large_path: Path) -> None:
    """The same comparison from in-process app CPU time per request (see cmd_cost)."""
    if not (small_path.exists() and large_path.exists()):
        return
    small, large = _read(str(small_path)), _read(str(large_path))
    print()
    print(
        "App CPU per request, page rendered, no page cache "
        "(median, in-process; ceiling share = ceiling CPU / page CPU)"
    )
    print(f"{'page':<10}{'small ms':>10}{'large ms':>10}{'large/small':>12}{'of ceiling':>11}")
    for name in small:
        cpu_small, cpu_large = float(small[name][0]), float(large[name][0])
        share = float(large["ceiling"][0]) / cpu_large * 100
        print(
            f"{name:<10}{cpu_small:>10.1f}{cpu_large:>10.1f}{cpu_large / cpu_small:>11.2f}x"
            f"{share:>10.0f}%"
        )


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["paths"]
    {
        "paths": cmd_paths,
        "cookie": cmd_cookie,
        "queries": cmd_queries,
        "explain": cmd_explain,
        "cost": cmd_cost,
        "compare": cmd_compare,
    }[command](*args)
