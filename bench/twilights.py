"""What a twilight costs: the Speed Learning table plan's search, and the twilight pages.

In-process against DATABASE_URL (any database: it makes its own network, schools,
people and twilights inside a transaction and rolls it all back at the end):

- plan: events.twilights.table_plan.make_plan alone, for a typical evening (8
  presenters, 60 colleagues, 4 rounds) and a large one (12 presenters, 200, 6);
- the host's "Make the table plan" (the service: the search plus its writes);
- the twilight page, the printable table plan and the twilights list, small and large
  (queries must not grow with the evening).

    DATABASE_URL=postgres://... .venv/bin/python bench/twilights.py [repeats]

Targets: the plan in under 2 s for the large evening (the host waits on a button,
once), under 0.5 s for a typical one; each page under 150 ms of app CPU on the large
evening, with the same number of queries as on the small one.
"""

import os
import random
import statistics
import sys
import time
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

from events.twilights import services  # noqa: E402
from events.twilights.models import Twilight, TwilightSignUp  # noqa: E402
from events.twilights.table_plan import Person, make_plan  # noqa: E402
from hub.models import Network, Role, School, Staff  # noqa: E402

HOST = "127.0.0.1"
PLAN_TARGETS = {"typical": 0.5, "large": 2.0}
PAGE_CPU_TARGET_MS = 150
EVENINGS = {"small": (3, 12, 3), "large": (12, 200, 6)}  # presenters, participants, rounds


class RollBack(Exception):
    pass


def time_plan(presenters: int, participants: int, rounds: int, repeats: int) -> float:
    rng = random.Random(1)
    tables = [Person(10_000 + i, i % 6, "primary") for i in range(presenters)]
    people = [
        Person(i, rng.randrange(12), rng.choice(["nursery", "primary", "secondary"]))
        for i in range(participants)
    ]
    timings = []
    for seed in range(repeats):
        started = time.perf_counter()
        make_plan(tables, people, rounds=rounds, seed=seed)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def evening(name: str, schools: list, host: Staff, network: Network) -> Twilight:
    presenters, participants, rounds = EVENINGS[name]
    start = timezone.now() + timezone.timedelta(days=7)
    twilight = Twilight.objects.create(
        network=network, host_school=schools[0], kind="speed_learning", title=f"Bench {name}",
        date=start.date(), starts_at=start, ends_at=start + timezone.timedelta(hours=1),
        place="Hall", capacity=participants, presenter_cap=presenters, rounds=rounds,
        created_by=host,
    )  # fmt: skip
    people = Staff.objects.bulk_create(
        Staff(
            email=f"bench-{name}-{n}@twilight.example", full_name=f"Colleague {n}",
            school=schools[n % len(schools)], role=Role.TEACHER,
        )
        for n in range(presenters + participants)
    )  # fmt: skip
    now = timezone.now()
    TwilightSignUp.objects.bulk_create(
        TwilightSignUp(
            twilight=twilight, staff=person, state="confirmed", created_at=now,
            role="presenter" if n < presenters else "participant",
            idea_title=f"Idea {n}" if n < presenters else "", slot="nano" if n < presenters else "",
        )
        for n, person in enumerate(people)
    )  # fmt: skip
    return twilight


def measure(client: Client, path: str, repeats: int) -> dict:
    cpu, queries = [], []
    for _ in range(repeats):
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = client.get(path, HTTP_HOST=HOST)
            cpu.append((time.process_time() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries.append(len(captured.captured_queries))
    return {"queries": max(queries), "cpu_ms": statistics.median(cpu)}


def main(repeats: int) -> None:
    print("== table plan search ==")
    for label, shape in (("typical", (8, 60, 4)), ("large", (12, 200, 6))):
        seconds = time_plan(*shape, repeats=max(3, repeats // 3))
        verdict = "ok" if seconds <= PLAN_TARGETS[label] else "OVER"
        print(
            f"{label:8} {shape}  {seconds * 1000:8.0f} ms  target {PLAN_TARGETS[label]} s {verdict}"
        )
    try:
        with transaction.atomic():
            schools = School.objects.bulk_create(
                School(name=f"Bench school {n}") for n in range(12)
            )
            network = Network.objects.create(name="Bench network")
            network.schools.add(*schools)
            host = Staff.objects.create(
                email="bench-host@twilight.example", full_name="Bench Host",
                school=schools[0], role=Role.HEADTEACHER, is_moderator=True,
            )  # fmt: skip
            client = Client()
            client.force_login(host)
            print("\n== pages (app CPU, queries) ==")
            for name in EVENINGS:
                twilight = evening(name, schools, host, network)
                started = time.perf_counter()
                services.make_table_plan(
                    twilight_id=twilight.pk, actor=host, rounds=EVENINGS[name][2]
                )
                made = time.perf_counter() - started
                print(f"{name:6} make_table_plan  {made * 1000:8.0f} ms wall")
                for page, path in (
                    ("twilight", twilight.get_absolute_url()),
                    ("plan", reverse("events:twilight_table_plan", args=[twilight.pk])),
                    ("list", reverse("events:twilights")),
                ):
                    result = measure(client, path, repeats)
                    verdict = "ok" if result["cpu_ms"] <= PAGE_CPU_TARGET_MS else "OVER"
                    print(
                        f"{name:6} {page:9} {result['cpu_ms']:8.1f} ms CPU "
                        f"{result['queries']:3} queries  {verdict}"
                    )
            raise RollBack
    except RollBack:
        pass


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10)
