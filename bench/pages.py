"""The Python half of bench/pages.sh: which pages, a session cookie, query counts, plans.

Run with the same environment as the server (DATABASE_URL, DJANGO_* ...):
    python bench/pages.py paths      # "name path" per page, the ceiling first
    python bench/pages.py cookie     # "sessionid=..." for the benchmark's user
    python bench/pages.py cookies N [--moderators]   # N sessions of N colleagues at school 1
    python bench/pages.py queries    # "name status cold warm repeat": queries per page (test
                                     # client): fragments off; from a warm fragment cache; with
                                     # If-None-Match ("3:304": 3 queries, answered 304)
    python bench/pages.py cost       # median app CPU and wall ms per request, in-process
    python bench/pages.py explain    # EXPLAIN (ANALYZE, BUFFERS) of each page's slowest queries
    python bench/pages.py compare MODE out/MODE-small.tsv [out/MODE-large.tsv]   # a mode's table
    python bench/pages.py compare-costs out/small.cost.tsv out/large.cost.tsv

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


def _network_feed(user: Staff) -> str:
    from hub.networks.access import networks_of

    return reverse("ideas:network_feed", args=[networks_of(user).first().pk])


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
    Page("network_feed", _network_feed),
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


def _session_cookie(user: Staff) -> str:
    """A real database session, so both gunicorn workers accept it (no password round trip:
    login throttling and the password hasher are not what we measure)."""
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def cmd_cookie() -> None:
    print(_session_cookie(bench_user()))


def cmd_cookies(count: str, *flags: str) -> None:
    """Sessions of `count` different colleagues at the benchmark user's school, one a line
    (cycling through them when the school has fewer; `--moderators`: moderators only, for
    the dashboard). School-warm mode sends each request with the next one."""
    user = bench_user()
    colleagues = Staff.objects.filter(school_id=user.school_id, is_active=True).order_by("pk")
    if "--moderators" in flags:
        colleagues = colleagues.filter(is_moderator=True)
    people = list(colleagues[: int(count)])
    for n in range(int(count)):
        print(_session_cookie(people[n % len(people)]))


def _fetch(client: Client, path: str):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(path)
        elapsed = time.perf_counter() - started
    return response, queries.captured_queries, elapsed


def cmd_queries() -> None:
    """Queries per page: rendered with every fragment built (cold), then with the
    school's fragments in the cache (warm: a colleague has seen the page)."""
    user = bench_user()
    client = signed_in_client(user)
    for page in PAGES:
        path = page.path(user)
        counts = []
        for fragments_on in (False, True):
            settings.STAFFROOM_FRAGMENT_CACHE = fragments_on
            client.get(path)  # warm caches (content types, templates; the fragments when on)
            response, queries, _ = _fetch(client, path)
            counts.append(len(queries))
        status = response.status_code
        # Repeat: the same person sends the page's ETag back (304 when unchanged).
        if etag := response.get("ETag"):
            with CaptureQueriesContext(connection) as queries:
                repeat = client.get(path, HTTP_IF_NONE_MATCH=etag)
            counts.append(f"{len(queries)}:{repeat.status_code}")
        else:
            counts.append(f"{counts[-1]}:{status}")
        print(page.name, status, *counts)


def cmd_cost(repeats: str = "15") -> None:
    """Per page, the median app CPU time and wall time of one request in this process
    (test client, same database), every fragment built (STAFFROOM_FRAGMENT_CACHE as
    set; bench/pages.sh sets 0). CPU time barely moves with other processes' load,
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


# Issue 16's targets, as a share of the ceiling's req/s in the same run and mode.
TARGETS = {
    "cold": {"home": 50, "lunches": 50, "lunch": 50, "edition": 50, "*": 35},
    "school-warm": {"*": 60},
    "repeat": {"*": 90},
}


def target_for(mode: str, page: str) -> int:
    targets = TARGETS.get(mode, {"*": 50})
    return targets.get(page, targets["*"])


def cmd_compare(mode: str, *paths: str) -> None:
    """One mode's table: per page and size req/s, median and p99 latency, the app's
    and PostgreSQL's CPU per request, queries; % of the ceiling; large/small median.
    `paths`: bench/out/<mode>-small.tsv and/or bench/out/<mode>-large.tsv."""
    tables = {Path(path).stem.rsplit("-", 1)[-1]: _read(path) for path in paths}
    print(
        f"{'page':<10} {'size':<6}{'req/s':>8}{'median':>9}{'p99':>9}{'app CPU':>9}"
        f"{'PG CPU':>8}{'queries':>8}{'of ceiling':>11}{'target':>7}{'large/small':>12}"
    )
    verdicts = []
    names = next(iter(tables.values()))
    for name in names:
        for size, table in tables.items():
            if name not in table:
                continue
            rps, median, p99, app_ms, pg_ms, queries = table[name]
            share = float(rps) / float(table["ceiling"][0]) * 100
            target = target_for(mode, name)
            ratio = ""
            if size == "large" and "small" in tables:
                ratio = f"{float(median) / float(tables['small'][name][1]):.2f}x"
            if name != "ceiling":
                verdicts.append((name, size, share, target, ratio))
            print(
                f"{name:<10} {size:<6}{float(rps):>8.1f}{float(median):>7.1f}ms{float(p99):>7.1f}ms"
                f"{float(app_ms):>7.2f}ms{float(pg_ms):>6.2f}ms{queries:>8}"
                f"{share:>10.0f}%{target:>6}%{ratio:>12}"
            )
    print()
    for name, size, share, target, ratio in verdicts:
        line = f"{mode:<12}{name:<10}{size:<6} >={target}% of ceiling: "
        line += "yes" if share >= target else f"NO ({share:.0f}%)"
        if ratio:
            line += f"; large within 1.5x of small: {'yes' if float(ratio[:-1]) <= 1.5 else 'NO'}"
            same = tables["small"][name][5] == tables["large"][name][5]
            line += f"; same query count: {'yes' if same else 'NO'}"
        print(line)


def _compare_costs(small_path: Path, large_path: Path) -> None:
    """The same comparison from in-process app CPU time per request (see cmd_cost)."""
    if not (small_path.exists() and large_path.exists()):
        return
    small, large = _read(str(small_path)), _read(str(large_path))
    print()
    print(
        "App CPU per request, in-process, every fragment built "
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
        "cookies": cmd_cookies,
        "queries": cmd_queries,
        "explain": cmd_explain,
        "cost": cmd_cost,
        "compare": cmd_compare,
        "compare-costs": lambda small, large: _compare_costs(Path(small), Path(large)),
    }[command](*args)
