"""What a network's placement pages cost: queries, app CPU and wall time per request, with
few and many asks and offers (matching runs in Python over at most 50 of each).

    DATABASE_URL=postgres://... .venv/bin/python bench/placements.py [repeats]

It makes a network of three schools with its own staff, asks and offers inside one
transaction and rolls it back at the end: the database is left as it was. Targets: the
same queries with 5 or 50 of each, and under 100 ms of app CPU per page.
"""

import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from hub.models import Network, PlacementAsk, PlacementOffer, School, Staff  # noqa: E402

HOST = "127.0.0.1"
TARGET_CPU_MS = 100
FOCUSES = ["SEND provision", "Cross-phase transition", "Leading a phase", "Early reading"]


class RolledBack(Exception):
    pass


def measure(client: Client, path: str, repeats: int) -> dict:
    cpu, wall, queries = [], [], []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            response = client.get(path, HTTP_HOST=HOST)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries.append(len(captured.captured_queries))
    return {
        "queries": max(queries),
        "cpu_ms": statistics.median(cpu),
        "wall": statistics.median(wall),
    }


def fill(network, schools, count, start):
    today = timezone.localdate()
    for n in range(start, start + count):
        asker = Staff.objects.create_user(f"bench-ask-{n}@bench.example", school=schools[n % 2])
        host = Staff.objects.create_user(f"bench-host-{n}@bench.example", school=schools[2])
        ask = PlacementAsk.objects.create(
            network=network,
            staff=asker,
            school=asker.school,
            focus=FOCUSES[n % 4],
            phases=["primary"],
            earliest=today + timedelta(days=10),
            latest=today + timedelta(days=60),
            days=2,
            why="Bench",
        )
        ask.tags.set(["transition", f"tag {n % 7}"])
        offer = PlacementOffer.objects.create(
            network=network,
            host=host,
            school=host.school,
            focus=FOCUSES[(n + 1) % 4],
            phase="secondary",
            available_from=today + timedelta(days=5),
            available_until=today + timedelta(days=90),
            capacity=2,
        )
        offer.tags.set(["transition", f"tag {n % 5}"])
    return ask, offer


def main(repeats: int) -> None:
    try:
        with transaction.atomic():
            schools = [School.objects.create(name=f"Bench school {n}") for n in range(3)]
            network = Network.objects.create(name="Bench trust")
            network.schools.add(*schools)
            ask, offer = fill(network, schools, 5, 0)
            pages = {
                "network": reverse("hub:network_placements", args=[network.pk]),
                "ask matches": ask.get_absolute_url(),
                "offer matches": offer.get_absolute_url(),
            }
            viewers = {"network": ask.staff, "ask matches": ask.staff, "offer matches": offer.host}
            print(f"{'page':<14} {'rows':>5} {'queries':>8} {'cpu ms':>8} {'wall ms':>8}")
            for rows in (5, 50):
                if rows == 50:
                    fill(network, schools, 45, 5)
                for name, path in pages.items():
                    client = Client()
                    client.force_login(viewers[name])
                    client.get(path, HTTP_HOST=HOST)  # warm: session, templates
                    got = measure(client, path, repeats)
                    flag = "" if got["cpu_ms"] < TARGET_CPU_MS else "  over target"
                    print(
                        f"{name:<14} {rows:>5} {got['queries']:>8} {got['cpu_ms']:>8.1f}"
                        f" {got['wall']:>8.1f}{flag}"
                    )
            raise RolledBack
    except RolledBack:
        pass


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
