"""A realistic morning: 400 staff of 5 schools arrive over 2 minutes, each signs in and
goes through their morning (bench/morning_locustfile.py), against two gunicorn servers
sharing one PostgreSQL and one Redis, once with caching on and once with it off.

    .venv/bin/python bench/morning.py            # 400 people over 120 s, both modes (~8 min)
    .venv/bin/python bench/morning.py --quick    # 60 people over 20 s, short pauses (~2 min)
    .venv/bin/python bench/morning.py --modes cached --people 200 --ramp 60

Prints, per mode: throughput, p50/p95/p99 per page, errors (must be 0), the share of
fragments served from the cache (from the `X-Staffroom-Fragments: hits=H misses=M`
header the servers add when STAFFROOM_FRAGMENT_STATS=1; "no data" where a server does
not send it), and the servers' CPU per request. Results also go to bench/out/morning-*.

Data: `seed_scale --schools 5 --staff-per-school 80 --weeks 10` into a template database
(made once, kept), copied afresh for each mode so both modes start from the same rows.
Everyone signs in with their own account, once, with the right password, so neither
django-axes' lockout (failures per username and address) nor anything else that limits
sign-ins is involved: production's limits stay as they are.
"""

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _servers import (  # noqa: E402
    ROOT,
    ensure_database,
    production_env,
    request,
    setup_django,
    start_gunicorn,
    stop,
)

PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
TEMPLATE_DB = os.environ.get("BENCH_MORNING_TEMPLATE_DB", "staffroom_bench_morning_seed")
RUN_DB = os.environ.get("BENCH_MORNING_DB", "staffroom_bench_morning_run")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/14")
PORTS = (8781, 8782)
OUT = ROOT / "bench" / "out"
SCHOOLS, STAFF_PER_SCHOOL, WEEKS = 5, 80, 10
LOCUST = ROOT / ".venv" / "bin" / "locust"
PAGES_IN_ORDER = [
    "sign in (form)",
    "sign in",
    "home",
    "board",
    "react",
    "post an idea",
    "thursday",
    "lunches",
    "lunch",
    "sign up to a lunch",
]
# What each mode sets on both servers. cache16's fragment cache reads
# STAFFROOM_FRAGMENT_CACHE; STAFFROOM_PAGE_CACHE is the older per-person page cache
# (on by default with Redis where it still exists).
MODES = {
    "cached": {"STAFFROOM_FRAGMENT_CACHE": "1"},
    "uncached": {"STAFFROOM_FRAGMENT_CACHE": "0", "STAFFROOM_PAGE_CACHE": "0"},
}


def _manage(database: str, *args: str) -> str:
    env = {**production_env(f"{PG}/{database}"), "DJANGO_LOG_LEVEL": "WARNING"}
    command = [str(ROOT / ".venv" / "bin" / "python"), "manage.py", *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def _admin():
    import psycopg

    return psycopg.connect(f"{PG}/postgres", autocommit=True)


def _staff_in(database: str) -> int:
    import psycopg

    try:
        with psycopg.connect(f"{PG}/{database}") as connection:
            return connection.execute("SELECT count(*) FROM hub_staff").fetchone()[0]
    except psycopg.Error:
        return -1


def prepare_template() -> None:
    """The seeded template, made once (and again if its migrations fall behind)."""
    ensure_database(f"{PG}/{TEMPLATE_DB}")
    _manage(TEMPLATE_DB, "migrate", "--noinput", "-v0")
    if _staff_in(TEMPLATE_DB) < SCHOOLS * STAFF_PER_SCHOOL:
        print(f"Seeding {TEMPLATE_DB} ({SCHOOLS} schools x {STAFF_PER_SCHOOL} staff)...")
        _manage(
            TEMPLATE_DB,
            "seed_scale",
            "--schools",
            str(SCHOOLS),
            "--staff-per-school",
            str(STAFF_PER_SCHOOL),
            "--weeks",
            str(WEEKS),
        )


def fresh_run_database() -> None:
    from django.db import connections

    connections.close_all()
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{RUN_DB}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{RUN_DB}" TEMPLATE "{TEMPLATE_DB}"')


def plan_for(people: int, think: tuple[float, float], stats: Path) -> dict:
    """Who signs in (spread evenly over the schools), with which paths and pauses."""
    from django.db import connections
    from django.urls import reverse

    from hub.models import Staff
    from hub.ops.scale import SCALE_PASSWORD
    from ideas.board.models import PostItColour

    by_school: dict[int, list[str]] = {}
    for school_id, email in (
        Staff.objects.filter(is_active=True, school__isnull=False)
        .order_by("school_id", "pk")
        .values_list("school_id", "email")
    ):
        by_school.setdefault(school_id, []).append(email)
    emails = [email for group in zip(*by_school.values(), strict=False) for email in group][:people]
    if len(emails) < people:
        sys.exit(f"Only {len(emails)} staff to sign in; {people} asked for.")
    connections.close_all()
    return {
        "people": people,
        "emails": emails,
        "password": SCALE_PASSWORD,
        "ports": list(PORTS),
        "think": list(think),
        "colours": PostItColour.values,
        "stats": str(stats),
        "paths": {
            "login": reverse("login"),
            "home": reverse("hub:home"),
            "board": reverse("ideas:board"),
            "post_idea": reverse("ideas:post_idea"),
            "thursday": reverse("ideas:thursday"),
            "lunches": reverse("events:lunches"),
        },
    }


def _cpu_seconds(process: psutil.Process) -> float:
    """CPU time of a gunicorn master and its workers, so far."""
    total = 0.0
    for each in [process, *process.children(recursive=True)]:
        try:
            times = each.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def run_mode(mode: str, options) -> dict:
    fresh_run_database()
    _flush_redis()
    stats_path = OUT / f"morning-{mode}-fragments.json"
    plan = plan_for(options.people, options.think, stats_path)
    plan_path = OUT / f"morning-{mode}-plan.json"
    plan_path.write_text(json.dumps(plan))
    env = {
        **production_env(f"{PG}/{RUN_DB}"),
        "REDIS_URL": REDIS,
        "STAFFROOM_FRAGMENT_STATS": "1",
        **MODES[mode],
    }
    with open(OUT / f"morning-{mode}-servers.log", "w") as log:
        return _run_servers_and_people(mode, options, plan, plan_path, env, log, stats_path)


def _run_servers_and_people(mode, options, plan, plan_path, env, log, stats_path) -> dict:
    servers = [start_gunicorn(port, env, workers=2, threads=4, log=log) for port in PORTS]
    try:
        # One request each, so both servers have loaded everything before people arrive.
        for port in PORTS:
            request(port, "GET", plan["paths"]["login"])
        cpu_before = sum(_cpu_seconds(psutil.Process(server.pid)) for server in servers)
        spawn_rate = options.people / options.ramp
        longest = options.ramp + 10 * options.think[1] + 120
        command = [
            str(LOCUST),
            "-f",
            str(ROOT / "bench" / "morning_locustfile.py"),
            "--headless",
            "--only-summary",
            "--users",
            str(options.people),
            "--spawn-rate",
            f"{spawn_rate:.3f}",
            "--run-time",
            f"{math.ceil(longest)}s",
            "--stop-timeout",
            "30",
            "--host",
            f"http://127.0.0.1:{PORTS[0]}",
            "--csv",
            str(OUT / f"morning-{mode}"),
            "--loglevel",
            "WARNING",
        ]
        print(
            f"\n== {mode}: {options.people} people over {options.ramp:.0f} s, "
            f"pauses {options.think[0]}-{options.think[1]} s =="
        )
        started = time.monotonic()
        with open(OUT / f"morning-{mode}-locust.log", "w") as locust_log:
            subprocess.run(
                command,
                cwd=ROOT,
                env={**os.environ, "MORNING_PLAN": str(plan_path)},
                check=False,
                stdout=locust_log,
                stderr=subprocess.STDOUT,
            )
        elapsed = time.monotonic() - started
        cpu = sum(_cpu_seconds(psutil.Process(server.pid)) for server in servers) - cpu_before
    finally:
        for server in servers:
            stop(server)
    return _report(mode, elapsed, cpu, stats_path)


def _read_stats(mode: str) -> dict[str, dict]:
    with open(OUT / f"morning-{mode}_stats.csv") as stats:
        return {row["Name"]: row for row in csv.DictReader(stats)}


def _report(mode: str, elapsed: float, cpu: float, stats_path: Path) -> dict:
    rows = _read_stats(mode)
    total = rows.get("Aggregated")
    if total is None or int(total["Request Count"]) == 0:
        sys.exit(f"No requests were made: see {OUT}/morning-{mode}-locust.log")
    fragments = json.loads(stats_path.read_text()) if stats_path.exists() else {}
    lines = [f"{'page':<20}{'requests':>9}{'errors':>7}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}"]
    names = [name for name in PAGES_IN_ORDER if name in rows]
    names += sorted(set(rows) - set(names) - {"Aggregated"})
    for name in [*names, "Aggregated"]:
        row = rows[name]
        label = "all" if name == "Aggregated" else name
        lines.append(
            f"{label:<20}{row['Request Count']:>9}{row['Failure Count']:>7}"
            f"{row['50%']:>8}{row['95%']:>8}{row['99%']:>8}"
        )
    requests = int(total["Request Count"])
    errors = int(total["Failure Count"])
    hits = sum(counts[0] for counts in fragments.values())
    misses = sum(counts[1] for counts in fragments.values())
    with_header = sum(counts[2] for counts in fragments.values())
    if hits + misses:
        hit_rate = f"{hits / (hits + misses) * 100:.0f} % ({hits} hits, {misses} misses"
        hit_rate += f", on {with_header} responses)"
    else:
        hit_rate = "no data (the servers sent no X-Staffroom-Fragments header)"
    summary = {
        "mode": mode,
        "requests": requests,
        "errors": errors,
        "throughput": float(total["Requests/s"]),
        "elapsed": elapsed,
        "cpu_ms_per_request": cpu / requests * 1000,
        "hit_rate": hit_rate,
    }
    lines += [
        "",
        f"throughput {summary['throughput']:.1f} req/s over the run "
        f"({requests} requests in {elapsed:.0f} s wall, locust included)",
        f"errors {errors}" + ("" if errors == 0 else "  <-- must be 0: see the failures CSV"),
        f"fragment cache hit rate: {hit_rate}",
        f"app CPU (both gunicorn servers): {summary['cpu_ms_per_request']:.1f} ms per request",
    ]
    text = "\n".join(lines)
    print(text)
    (OUT / f"morning-{mode}.txt").write_text(text + "\n")
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="60 people over 20 s")
    parser.add_argument("--people", type=int)
    parser.add_argument("--ramp", type=float, help="seconds over which people arrive")
    parser.add_argument("--modes", default="cached,uncached")
    options = parser.parse_args()
    options.people = options.people or (60 if options.quick else SCHOOLS * STAFF_PER_SCHOOL)
    options.ramp = options.ramp or (20.0 if options.quick else 120.0)
    # Seconds a person spends reading each page before the next step.
    options.think = (0.2, 1.0) if options.quick else (2.0, 8.0)
    modes = [mode.strip() for mode in options.modes.split(",") if mode.strip()]
    unknown = set(modes) - set(MODES)
    if unknown:
        sys.exit(f"Unknown mode(s) {', '.join(sorted(unknown))}; modes: {', '.join(MODES)}")
    OUT.mkdir(parents=True, exist_ok=True)
    prepare_template()
    setup_django(f"{PG}/{RUN_DB}")
    ensure_database(f"{PG}/{RUN_DB}")
    summaries = [run_mode(mode, options) for mode in modes]
    if len(summaries) > 1:
        print("\n== comparison ==")
        for summary in summaries:
            print(
                f"{summary['mode']:<9} {summary['throughput']:6.1f} req/s, "
                f"{summary['errors']} errors, {summary['cpu_ms_per_request']:.1f} ms app CPU "
                f"per request, fragments: {summary['hit_rate']}"
            )
    if any(summary["errors"] for summary in summaries):
        sys.exit(1)


if __name__ == "__main__":
    main()
