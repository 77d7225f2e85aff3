"""The storage half of bench/capacity.py (read that first): table sizes per school and row,
fragment memory in Redis, what the scrapbook keeps of a photo. Imported after Django is set up.
"""

import io
import os
import time
from pathlib import Path

import redis
from django.db import connection


def fragment_memory() -> None:
    """What school 1's fragments take in Redis once its pages above were seen."""
    client = redis.Redis.from_url(os.environ["REDIS_URL"])  # bench/capacity.py sets it
    keys = list(client.scan_iter(match="*fragment:*", count=1000))
    used = sum(client.memory_usage(key) or 0 for key in keys)
    # ":1:fragment:<name>:<school>:<version>:<digest>" (Django's prefix and version first)
    schools = {key.decode().split(":")[4] for key in keys}
    print(
        f"\nRedis: {len(keys)} fragment keys of {len(schools)} school(s), "
        f"{used / 1024:.0f} KiB (MEMORY USAGE, keys and values)"
    )


SIZE_SQL = """
SELECT c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid), pg_relation_size(c.oid)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public'
ORDER BY pg_total_relation_size(c.oid) DESC
"""


def measure_sizes() -> None:
    """Tables' rows and sizes (indexes and TOAST included), per school and per row."""
    from hub.models import School

    schools = School.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute(SIZE_SQL)
        rows = cursor.fetchall()
        cursor.execute("SELECT pg_database_size(current_database())")
        database = cursor.fetchone()[0]
    total = sum(row[2] for row in rows)
    print(f"{schools} schools; database {database / 2**20:.0f} MiB, tables {total / 2**20:.0f} MiB")
    print(f"{'table':<34}{'rows':>11}{'MiB':>8}{'heap MiB':>9}{'B/row':>7}{'KiB/school':>11}")
    for name, tuples, size, heap in rows[:25]:
        per_row = size / tuples if tuples > 0 else 0
        print(
            f"{name:<34}{tuples:>11,}{size / 2**20:>8.1f}{heap / 2**20:>9.1f}"
            f"{per_row:>7.0f}{size / schools / 1024:>11.0f}"
        )
    rest = sum(row[2] for row in rows[25:])
    print(f"{'(the other tables)':<34}{'':>11}{rest / 2**20:>8.1f}")
    print(f"{'all tables':<34}{'':>11}{total / 2**20:>8.1f}{'':>16}{total / schools / 1024:>11.0f}")


def measure_photos(paths: list[str]) -> None:
    """What the scrapbook keeps of a photo: the cleaned image (<= 2,000 px, JPEG q85) and
    its print copy (<= 1,000 px), in bytes and bytes per pixel, from real photos."""
    from hub.lib.images import clean_image, print_rendition

    for path in paths:
        data = Path(path).read_bytes()
        started = time.process_time()
        clean = clean_image(io.BytesIO(data))
        printed = print_rendition(clean)
        cpu = (time.process_time() - started) * 1000
        pixels = clean.width * clean.height
        print(
            f"{Path(path).name}: {len(data):,} B in; cleaned {clean.width}x{clean.height} "
            f"{len(clean.content):,} B ({len(clean.content) / pixels:.2f} B/px), print copy "
            f"{len(printed.content):,} B; {cpu:.0f} ms CPU"
        )


PHOTOS = [
    "/root/.rustup/toolchains/stable-x86_64-unknown-linux-gnu/share/doc/rust/html/"
    f"embedded-book/assets/{name}"
    for name in ("f3.jpg", "verify.jpeg")
]
