"""What a first render costs: app CPU and queries per page, in-process, page cache off.

Run against a seeded database (DATABASE_URL, as bench/pages.py):
    python bench/render_cost.py                 # "page  cpu_ms  wall_ms  queries" per page
    python bench/render_cost.py --repeats 41    # steadier medians
    python bench/render_cost.py --profile board # the 25 costliest functions of one page
    python bench/render_cost.py --templates board   # {% url %} and |date calls per render
    python bench/render_cost.py --lazy          # queries each page's template runs itself

CPU time (time.process_time) barely moves with other processes' load, so it compares
before and after a change on this shared machine where wall time and req/s cannot.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
# No cache of whole pages or fragments: every request below renders everything.
os.environ["STAFFROOM_PAGE_CACHE"] = "0"
os.environ.setdefault("STAFFROOM_FRAGMENT_CACHE", "0")
os.environ.setdefault("DJANGO_DEBUG", "0")

import pages  # noqa: E402  (sets Django up)
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def _measure(client, path: str, repeats: int) -> tuple[float, float, float, int]:
    client.get(path)  # warm: templates, content types, compiled SQL, as a running server has
    with CaptureQueriesContext(connection) as queries:
        status = client.get(path).status_code
    # Counted now: every request start empties the connection's query log.
    query_count = len(queries)
    if status != 200:
        sys.exit(f"{path} answered {status}, not 200; check the environment.")
    cpu, wall = [], []
    for _ in range(repeats):
        started_cpu, started = time.process_time(), time.perf_counter()
        client.get(path)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    return statistics.median(cpu), min(cpu), statistics.median(wall), query_count


def _page(name: str) -> "pages.Page":
    for page in pages.PAGES:
        if page.name == name:
            return page
    sys.exit(f"No page {name!r}; pages: {', '.join(page.name for page in pages.PAGES)}")


def cost(repeats: int) -> None:
    user = pages.bench_user()
    client = pages.signed_in_client(user)
    # min: the request least disturbed by other processes (on a busy machine they slow
    # even CPU time, through shared caches and cores).
    print(f"{'page':<10}{'cpu ms':>8}{'min ms':>8}{'wall ms':>9}{'queries':>9}")
    for page in pages.PAGES:
        cpu, least, wall, queries = _measure(client, page.path(user), repeats)
        print(f"{page.name:<10}{cpu:>8.1f}{least:>8.1f}{wall:>9.1f}{queries:>9}")


def profile(name: str, repeats: int) -> None:
    user = pages.bench_user()
    client = pages.signed_in_client(user)
    path = _page(name).path(user)
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(repeats):
        client.get(path)
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(25)


def template_calls(name: str) -> None:
    """How many {% url %} reversals and |date / |time formats one render of the page makes."""
    from unittest import mock

    from django.template.defaulttags import URLNode
    from django.utils import formats

    user = pages.bench_user()
    client = pages.signed_in_client(user)
    path = _page(name).path(user)
    client.get(path)
    # The filters call formats.date_format / time_format through the module: patching counts.
    with (
        mock.patch.object(URLNode, "render", autospec=True, side_effect=URLNode.render) as urls,
        mock.patch.object(formats, "date_format", wraps=formats.date_format) as dates,
        mock.patch.object(formats, "time_format", wraps=formats.time_format) as times,
    ):
        client.get(path)
    print(
        f"{name}: {urls.call_count} {{% url %}} renders, "
        f"{dates.call_count + times.call_count} |date or |time filters"
    )


def lazy_queries(name: str) -> list[str]:
    """The SQL a page runs while its template renders (a queryset evaluated by the template):
    what the view should have fetched, so the template only formats."""
    from unittest import mock

    from django.template.backends.django import Template

    user = pages.bench_user()
    client = pages.signed_in_client(user)
    path = _page(name).path(user)
    client.get(path)
    rendering = [0]
    in_template: list[str] = []
    real_render = Template.render

    def counting_render(self, *args, **kwargs):
        rendering[0] += 1
        try:
            return real_render(self, *args, **kwargs)
        finally:
            rendering[0] -= 1

    def watch(execute, sql, params, many, context):
        if rendering[0]:
            in_template.append(sql)
        return execute(sql, params, many, context)

    with mock.patch.object(Template, "render", counting_render), connection.execute_wrapper(watch):
        client.get(path)
    return in_template


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21)
    parser.add_argument("--profile", metavar="PAGE")
    parser.add_argument("--templates", metavar="PAGE")
    parser.add_argument("--lazy", action="store_true", help="queries run by templates, per page")
    options = parser.parse_args()
    if options.lazy:
        for page in pages.PAGES:
            queries = lazy_queries(page.name)
            print(f"{page.name}: {len(queries)} queries run while the template renders")
            for sql in queries:
                print(f"    {sql[:160]}")
    elif options.profile:
        profile(options.profile, options.repeats)
    elif options.templates:
        template_calls(options.templates)
    else:
        cost(options.repeats)
