"""Networks and the directory of schools: the import's speed and memory, and what a
network's home, a lead's search and "schools like ours" cost with a full register.

    DATABASE_URL=postgres://... .venv/bin/python bench/networks.py [rows] [repeats]

Against a migrated database (PostgreSQL for figures that count). It writes a
generated register of `rows` schools (default 50,000, about the size of England's
real file) in the real file's format and encoding, imports it twice (added, then
updated: the second run also measures peak Python memory), then puts 50 of those
schools on Staffroom in one network and times the three pages in-process with the
test client. Its rows stay (URNs from 100000); run it again at any time.

Targets: the import streams at 2,000 rows/s or more with a peak under 64 MB however
big the file; each page answers in at most 12 queries and a median under 100 ms.
"""

import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from hub.models import Network, RegisteredSchool, Role, School, Staff  # noqa: E402
from tests.hub.directory.gias_sample import random_rows, write_register  # noqa: E402

HOST = "127.0.0.1"
MEMBERS = 50
TARGETS = {"rows_per_s": 2000, "peak_mb": 64, "queries": 12, "median_ms": 100}


def import_twice(rows: int) -> list[str]:
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "edubasealldata.csv"
        write_register(path, random_rows(rows))
        size_mb = path.stat().st_size / 1e6
        for run in ("first", "again"):
            trace = run == "again"
            if trace:
                tracemalloc.start()
            out = StringIO()
            started = time.perf_counter()
            call_command("import_schools_register", str(path), stdout=out)
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] / 1e6 if trace else None
            if trace:
                tracemalloc.stop()
            summary = out.getvalue().splitlines()[0]
            memory = f", peak {peak:.1f} MB (traced, slower)" if peak is not None else ""
            lines.append(
                f"import {run:<5} {rows} rows ({size_mb:.1f} MB): {seconds:.1f} s, "
                f"{rows / seconds:.0f} rows/s{memory} — {summary}"
            )
    return lines


def bench_network() -> tuple[Network, Staff]:
    """50 register schools on Staffroom, all in one network, led by one of their heads."""
    network, _ = Network.objects.get_or_create(name="Bench Trust (bench/networks.py)")
    register = RegisteredSchool.objects.filter(is_open=True, phase="primary").order_by("urn")
    schools = []
    for row in register[:MEMBERS]:
        school, _ = School.objects.get_or_create(
            urn=row.urn, defaults={"name": row.name, "phase": row.phase}
        )
        schools.append(school)
    network.schools.add(*schools)
    lead, _ = Staff.objects.get_or_create(
        email="lead@bench-networks.example",
        defaults={
            "full_name": "Bench Lead",
            "school": schools[0],
            "role": Role.HEADTEACHER,
            "is_moderator": True,
        },
    )
    network.leads.add(lead)
    return network, lead


def measure(client: Client, path: str, repeats: int, data=None) -> dict:
    wall, cpu, queries = [], [], []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path, data or {}, HTTP_HOST=HOST)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries.append(len(captured.captured_queries))
    return {
        "queries": max(queries),
        "median_ms": statistics.median(wall),
        "cpu_ms": statistics.median(cpu),
    }


def main(rows: int, repeats: int) -> None:
    load = ", ".join(f"{figure:.1f}" for figure in os.getloadavg())
    print(f"database: {connection.vendor}; load average {load} on {os.cpu_count()} cores")
    # 0 rows: the register imported by an earlier run stays, only the pages are timed.
    for line in import_twice(rows) if rows else []:
        print(line)
    network, lead = bench_network()
    client = Client()
    client.force_login(lead)
    pages = [
        ("network home", reverse("hub:network", args=[network.pk]), None),
        (
            "find schools",
            reverse("hub:find_schools", args=[network.pk]),
            {"area": "North West", "phase": "primary"},
        ),
        ("find by name", reverse("hub:find_schools", args=[network.pk]), {"q": "School 10"}),
        ("schools like ours", reverse("hub:schools_like_ours"), None),
    ]
    print(f"{'page':<18} {'queries':>7} {'median':>9} {'app CPU':>9}   (target ≤ 12, < 100 ms)")
    for name, path, data in pages:
        result = measure(client, path, repeats, data)
        verdict = (
            "ok"
            if result["queries"] <= TARGETS["queries"]
            and result["median_ms"] < TARGETS["median_ms"]
            else "MISSED"
        )
        print(
            f"{name:<18} {result['queries']:>7} {result['median_ms']:>7.1f}ms "
            f"{result['cpu_ms']:>7.1f}ms   {verdict}"
        )


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 50_000,
        int(sys.argv[2]) if len(sys.argv) > 2 else 20,
    )
