"""What a staffroom screen costs the server: queries, app CPU and wall time per request.

A screen asks for its panels once a minute; every screen of a school shares one
render a minute (a school fragment: hub.display.selectors.screen_content_html).
This measures, in-process with the test client against DATABASE_URL (seed it
with `seed_scale` or `seed_demo` first):

- miss: the minute's first request at a school (the panels are rendered);
- hit: every other request that minute (the link is looked up, the panels come
  from the cache);
- the sheet: the printable A4 page (always rendered; printed rarely).

    DATABASE_URL=postgres://... .venv/bin/python bench/display.py [repeats]

It makes one display link at the first school with staff and deletes it at the end.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from hub.models import DisplayLink, Staff, hash_display_token  # noqa: E402

HOST = "127.0.0.1"


def measure(client: Client, path: str, repeats: int, *, before=None) -> dict:
    cpu, wall, queries, size = [], [], [], 0
    for _ in range(repeats):
        if before:
            before()
        with CaptureQueriesContext(connection) as captured:
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            response = client.get(path, HTTP_HOST=HOST)
            cpu.append((time.process_time() - started_cpu) * 1000)
            wall.append((time.perf_counter() - started_wall) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries.append(len(captured.captured_queries))
        size = len(response.content)
    return {
        "queries": max(queries),
        "cpu_ms": statistics.median(cpu),
        "wall_ms": statistics.median(wall),
        "bytes": size,
    }


def main(repeats: int) -> None:
    member = Staff.objects.filter(school__isnull=False, is_active=True).order_by("pk").first()
    assert member, "No staff: run seed_scale or seed_demo against this database first."
    token = DisplayLink.new_token()
    link = DisplayLink.objects.create(
        school=member.school,
        name="bench/display.py",
        token_hash=hash_display_token(token),
        created_by=member,
    )
    try:
        anonymous, signed_in = Client(), Client()
        signed_in.force_login(member)
        content = reverse("hub:screen_content", args=[token])
        screen = reverse("hub:screen", args=[token])
        sheet = reverse("hub:staffroom_sheet")
        rows = [
            (
                "screen, first of the minute",
                measure(anonymous, content, repeats, before=cache.clear),
            ),
            ("screen, rest of the minute", measure(anonymous, content, repeats)),
            ("screen page (cached panels)", measure(anonymous, screen, repeats)),
            ("A4 sheet (signed in)", measure(signed_in, sheet, repeats)),
        ]
    finally:
        link.delete()
    print(f"{connection.vendor}, school {member.school_id}, {repeats} requests each (medians)")
    print(f"{'request':32} {'queries':>7} {'CPU ms':>7} {'wall ms':>8} {'bytes':>7}")
    for name, row in rows:
        print(
            f"{name:32} {row['queries']:>7} {row['cpu_ms']:>7.1f} {row['wall_ms']:>8.1f}"
            f" {row['bytes']:>7}"
        )
    miss, hit = rows[0][1], rows[1][1]
    for screens in (1, 10, 100):
        per_minute = miss["cpu_ms"] + (screens - 1) * hit["cpu_ms"]
        print(f"{screens:>3} screens at one school: {per_minute:.1f} ms of app CPU a minute")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
