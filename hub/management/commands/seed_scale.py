"""Network-scale benchmark data, e.g. for bench/pages.sh at full size:

manage.py seed_scale --schools 500 --staff-per-school 80 --weeks 150
"""

import random
import time
from collections import defaultdict
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction
from django.utils import timezone

from hub.lib.weeks import Week
from hub.ops.scale import (
    SCALE_PASSWORD,
    already_seeded,
    create_networks,
    create_schools,
    create_staff,
    scale_email,
)
from hub.registry import scale_generators

# Schools handled per round of generators: bounds memory, and each round commits.
CHUNK = 20


class Command(BaseCommand):
    help = (
        "Generate network-scale data with bulk inserts (for bench/): schools in trusts, "
        "staff, and every feature's content over many weeks. Use an empty database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schools", type=int, default=10)
        parser.add_argument("--staff-per-school", type=int, default=30)
        parser.add_argument("--weeks", type=int, default=10, help="Weeks of history, to now.")
        parser.add_argument("--seed", type=int, default=8, help="Random seed (same data).")

    def handle(self, *args, **options) -> None:
        schools_wanted, per_school = options["schools"], options["staff_per_school"]
        weeks_wanted = options["weeks"]
        if min(schools_wanted, weeks_wanted) < 1 or per_school < 2:
            raise CommandError("Need at least 1 school, 2 staff per school and 1 week.")
        if already_seeded():
            raise CommandError("This database already holds scale data: use an empty one.")
        rng = random.Random(options["seed"])
        this_week = Week.containing(timezone.localdate())
        mondays = [this_week.monday - timedelta(weeks=n) for n in range(weeks_wanted)][::-1]
        timings: dict[str, float] = defaultdict(float)
        rows: dict[str, int] = defaultdict(int)
        started = time.perf_counter()

        with transaction.atomic():
            tick = time.perf_counter()
            schools = create_schools(schools_wanted, rng)
            rows["schools and networks"] = len(schools) + create_networks(schools)
            timings["schools and networks"] = time.perf_counter() - tick
            tick = time.perf_counter()
            staff_by_school = create_staff(schools, per_school, rng)
            rows["staff"] = schools_wanted * per_school
            timings["staff"] = time.perf_counter() - tick

        generators = scale_generators()
        for start in range(0, len(schools), CHUNK):
            chunk = schools[start : start + CHUNK]
            with transaction.atomic():
                for generator in generators:
                    tick = time.perf_counter()
                    rows[generator.name] += generator.generate(chunk, staff_by_school, mondays, rng)
                    timings[generator.name] += time.perf_counter() - tick
            self.stdout.write(f"  {start + len(chunk)}/{len(schools)} schools", ending="\r")
            self.stdout.flush()

        tick = time.perf_counter()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, so the plans are the real ones
        timings["analyze"] = time.perf_counter() - tick
        self._report(rows, timings, time.perf_counter() - started)

    def _report(self, rows: dict, timings: dict, total: float) -> None:
        self.stdout.write("")
        self.stdout.write(f"{'part':<28}{'rows':>12}{'seconds':>10}")
        for name, seconds in timings.items():
            self.stdout.write(f"{name:<28}{rows.get(name, 0):>12,}{seconds:>10.1f}")
        self.stdout.write(f"{'total':<28}{sum(rows.values()):>12,}{total:>10.1f}")
        self.stdout.write(
            self.style.SUCCESS(f"Sign in as {scale_email(1, 0)} with password {SCALE_PASSWORD}")
        )
