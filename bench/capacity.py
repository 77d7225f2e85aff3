"""What each main request costs in CPU, queries and bytes: the measured input of bench/CAPACITY.md.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/staffroom_capacity21 \\
        .venv/bin/python bench/capacity.py                 # everything, 3-6 minutes
    .venv/bin/python bench/capacity.py --batch 10 --batches 5   # quicker, noisier
    .venv/bin/python bench/capacity.py --only pages    # or: writes, digest, sizes, photos
    .venv/bin/python bench/capacity.py --queries home  # PostgreSQL CPU per query, cold page

Seed the database first (an empty one; about 2 minutes):
    manage.py migrate && manage.py seed_scale --schools 500 --staff-per-school 80 --weeks 52
(500 schools in trusts of ten, one year of history: sizes per school per year are the
database's sizes divided by 500.) Each run adds about a thousand rows (post-its, sign-ups,
sessions, queued and sent emails, 30 notices for school 1's head): run it on a database
kept for benchmarks, never on one that matters. bench/capacity_model.py turns the output
into the plan (`capacity.py | tee bench/out/capacity.txt`, then `capacity_model.py`).

Measured in this process through Django's test client (every middleware, no HTTP or
gunicorn: bench/RESULTS.md measured gunicorn's own share at ~0.1-0.2 ms a request):

- app CPU: this process's CPU time (time.process_time), not wall time;
- PostgreSQL CPU: the CPU time of the one backend serving this process's connection, from
  /proc/<pid>/schedstat (nanoseconds on a CPU; PostgreSQL must run on this machine);
- queries per request (CaptureQueriesContext) and bytes per response body (no gzip).

CPU time moves far less than wall time when other processes share the machine, but a busy
machine still inflates it (shared caches and cores), so the load average is printed
before and after each part. Each figure is the median of `--batches` batch means of
`--batch` requests, with the least and greatest batch mean as its spread.

Modes, as bench/RESULTS.md defines them: cold (STAFFROOM_FRAGMENT_CACHE off: everything
rendered), school-warm (fragments on and warm in Redis; each request from the next of 40
colleagues at school 1, moderators for the dashboard), repeat (the same person again with
the page's ETag: 304). Writes: signing in (the real form, PBKDF2), posting a post-it,
signing up to a lunch, each by a different person at a different school. The weekly
digest: `send_school_digest` for one school, its emails rendered and queued; then a
`db_worker` in this process sends them (locmem email backend), 20 a batch.

Environment: DATABASE_URL; BENCH_REDIS (default redis://127.0.0.1:6379/11; the fragment
cache; that Redis database is emptied at the start, so give it one nobody else uses).
"""

import argparse
import itertools
import os
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/11")
os.environ["REDIS_URL"] = REDIS
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-capacity-throwaway-" + os.urandom(12).hex())
os.environ.setdefault("DJANGO_LOG_LEVEL", "ERROR")
# Emails are rendered and queued as in production; nothing is sent from here.
os.environ.setdefault("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ["STAFFROOM_PAGE_CACHE"] = "0"
# One database connection for the whole run: its backend's CPU is what is read.
os.environ.setdefault("DATABASE_CONN_MAX_AGE", "3600")
# No collectstatic manifest needed: static URLs as plain paths (bench/pages.sh does too).
os.environ.setdefault(
    "STAFFROOM_STATIC_STORAGE", "django.contrib.staticfiles.storage.StaticFilesStorage"
)
sys.path.insert(0, str(Path(__file__).resolve().parent))
warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic needed here

import pages  # noqa: E402  (sets Django up)
from _capacity_storage import PHOTOS, fragment_memory, measure_photos, measure_sizes  # noqa: E402
from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from hub.models import Staff  # noqa: E402
from hub.ops.scale import SCALE_PASSWORD, scale_email  # noqa: E402

PEOPLE = 40
NOTIFICATIONS = 30  # seed_scale makes none; a person's page shows their latest


def _published_edition(user: Staff) -> str:
    """School 1's newest published edition: one every colleague may open (bench/pages.py's
    newest edition may be a draft only moderators see)."""
    from ideas.scrapbook.models import Edition

    edition = Edition.objects.visible_to(user).filter(is_published=True).first()
    return reverse("ideas:edition_detail", args=[edition.pk])


PAGES = [
    *(page for page in pages.PAGES if page.name != "edition"),
    pages.Page("edition", _published_edition),
    pages.Page("notifications", lambda user: reverse("hub:notifications")),
]


def give_notifications(user: Staff) -> None:
    """Up to NOTIFICATIONS notices for `user` about their school's newest ideas, a third
    unread, so the notifications page and the unread count show what a real one does."""
    from hub.models.notifications import NoticeKind, Notification
    from ideas.board.models import Idea

    missing = NOTIFICATIONS - Notification.objects.filter(recipient=user).count()
    ideas = list(Idea.objects.filter(school_id=user.school_id).order_by("-pk")[: max(missing, 0)])
    now = timezone.now()
    Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=NoticeKind.COMMENT,
            message=f"A colleague commented on “{idea.title}”",
            target=idea,
            created_at=now - timedelta(hours=n),
            read_at=None if n % 3 == 0 else now,
        )
        for n, idea in enumerate(ideas)
    )


# --- Measuring ---


def _backend_pid() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def _backend_cpu_ns(pid: int) -> int:
    # schedstat's first field: nanoseconds this process has spent on a CPU.
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


class Figures:
    """Batch means of app and PostgreSQL CPU (ms per request), queries and bytes."""

    def __init__(self) -> None:
        self.app: list[float] = []
        self.pg: list[float] = []
        self.queries = 0
        self.bytes = 0
        self.status = 0

    @staticmethod
    def _spread(values: list[float]) -> str:
        if not values:
            return f"{'n/a':>22}"
        return f"{statistics.median(values):>7.2f} [{min(values):.2f}-{max(values):.2f}]".rjust(22)

    def row(self, name: str) -> str:
        return (
            f"{name:<26}{self._spread(self.app)}{self._spread(self.pg)}"
            f"{self.queries:>8}{self.bytes:>9}{self.status:>7}"
        )


HEADER = (
    f"{'request':<26}{'app CPU ms [spread]':>22}{'PG CPU ms [spread]':>22}"
    f"{'queries':>8}{'bytes':>9}{'status':>7}"
)


def measure(
    request: Callable[[int], object],
    *,
    batch: int,
    batches: int,
    first: int = 0,
    also: frozenset | set = frozenset(),
) -> Figures:
    """`request(n)` makes the n-th request and returns its response. One request first
    (counted for queries and bytes, not timed), then `batches` timed batches in which every
    answer has the first one's status (or one of `also`)."""
    figures = Figures()
    with CaptureQueriesContext(connection) as queries:
        response = request(first)
    figures.queries = len(queries)
    figures.status = response.status_code
    figures.bytes = len(response.content) if not response.streaming else 0
    n = first + 1
    statuses = set()
    while len(figures.app) < batches:
        pid = _backend_pid()
        pg_before, app_before = _backend_cpu_ns(pid), time.process_time()
        for _ in range(batch):
            statuses.add(request(n).status_code)
            n += 1
        app_ms = (time.process_time() - app_before) * 1000 / batch
        pg_ms = (_backend_cpu_ns(pid) - pg_before) / 1e6 / batch
        if _backend_pid() != pid:  # a new connection: its CPU was not all counted
            continue
        figures.app.append(app_ms)
        figures.pg.append(pg_ms)
    if statuses - {figures.status} - set(also):
        sys.exit(f"Answers {sorted(statuses)} where every one should be {figures.status}.")
    return figures


def load_line(label: str) -> None:
    one, five, fifteen = os.getloadavg()
    print(f"# {label}: load average {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} CPUs")


# --- Pages ---


def _client(person: Staff) -> Client:
    client = Client(HTTP_HOST=pages.HOST)
    client.force_login(person)
    return client


def _colleagues(user: Staff, *, moderators: bool) -> list[Client]:
    people = Staff.objects.filter(school_id=user.school_id, is_active=True).order_by("pk")
    if moderators:
        people = people.filter(is_moderator=True)
    chosen = list(people[:PEOPLE])
    return [_client(person) for person in chosen]


def _getter(clients: list[Client], path: str, **headers) -> Callable[[int], object]:
    """The n-th request: GET `path` as the next of `clients`."""
    return lambda n: clients[n % len(clients)].get(path, **headers)


def _repeat_visit(client: Client, path: str) -> Callable[[int], object]:
    """The same person again with the page's ETag, kept as a browser keeps it: the ETag
    holds the minute, so the first request of a new minute renders (200) once more."""
    etag = [client.get(path)["ETag"]]

    def visit(n: int):
        response = client.get(path, HTTP_IF_NONE_MATCH=etag[0])
        etag[0] = response.get("ETag", etag[0])
        return response

    return visit


def _expect(response, status: int, what: str):
    if response.status_code != status:
        sys.exit(f"{what} answered {response.status_code}, not {status}; check the environment.")
    return response


def measure_pages(batch: int, batches: int) -> None:
    user = pages.bench_user()
    own = _client(user)
    everyone = _colleagues(user, moderators=False)
    moderators = _colleagues(user, moderators=True)
    give_notifications(user)
    print(HEADER)
    anonymous = Client(HTTP_HOST=pages.HOST)
    sign_in_form = measure(_getter([anonymous], reverse("login")), batch=batch, batches=batches)
    print(sign_in_form.row("sign in (form)"), flush=True)
    for page in PAGES:
        path = page.path(user)
        settings.STAFFROOM_FRAGMENT_CACHE = False
        _expect(own.get(path), 200, path)  # warm this process: templates, compiled SQL
        cold = measure(_getter([own], path), batch=batch, batches=batches)
        print(cold.row(f"{page.name} cold"), flush=True)

        settings.STAFFROOM_FRAGMENT_CACHE = True
        people = moderators if page.name == "dashboard" else everyone
        if page.name == "notifications":  # one person's own list: no colleague sees it
            people = [own]
        _expect(people[0].get(path), 200, path)  # the first colleague fills the fragments
        warm = measure(_getter(people, path), batch=batch, batches=batches)
        print(warm.row(f"{page.name} school-warm"), flush=True)

        if own.get(path).get("ETag"):
            again = measure(_repeat_visit(own, path), batch=batch, batches=batches, also={200})
            print(again.row(f"{page.name} repeat"), flush=True)
        else:
            print(f"{page.name + ' repeat':<26}  no ETag: every visit renders (school-warm)")
    settings.STAFFROOM_FRAGMENT_CACHE = True


def costliest_queries(name: str, repeats: int = 7) -> None:
    """One page, cold: PostgreSQL CPU per query (median of `repeats`), costliest first."""
    user = pages.bench_user()
    client = _client(user)
    path = next(page.path(user) for page in PAGES if page.name == name)
    settings.STAFFROOM_FRAGMENT_CACHE = False
    client.get(path)
    pid = _backend_pid()
    spent: dict[str, list[float]] = {}

    def timed(execute, sql, params, many, context):
        before = _backend_cpu_ns(pid)
        try:
            return execute(sql, params, many, context)
        finally:
            spent.setdefault(sql, []).append((_backend_cpu_ns(pid) - before) / 1e6)

    with connection.execute_wrapper(timed):
        for _ in range(repeats):
            client.get(path)
    for sql, ms in sorted(spent.items(), key=lambda item: -statistics.median(item[1])):
        print(f"{statistics.median(ms):7.2f} ms  {sql[:110]}")


# --- Writes ---


def _people_at_other_schools(count: int, offset: int) -> list[Staff]:
    """Person `offset % 60 + 1` at schools 2, 3, ...: a different person and school each."""
    emails = [scale_email(2 + n, 1 + (offset + n) % 60) for n in range(count)]
    found = {s.email: s for s in Staff.objects.select_related("school").filter(email__in=emails)}
    return [found[email] for email in emails if email in found]


def _free_to_sign_up(count: int) -> list[tuple[Client, str]]:
    """`count` people, each at a school other than school 1, not yet signed up to their
    school's next lunch (earlier runs took some): a client and the sign-up URL each."""
    from events.lunches.models import Lunch, SignUp

    next_lunch: dict[int, int] = {}
    for lunch in Lunch.objects.upcoming(timezone.now()).exclude(
        school_id=pages.bench_user().school_id
    ):
        next_lunch.setdefault(lunch.school_id, lunch.pk)
    taken = set(
        SignUp.objects.filter(lunch_id__in=next_lunch.values()).values_list("staff_id", flat=True)
    )
    people = (
        Staff.objects.filter(school_id__in=next_lunch, is_active=True)
        .exclude(pk__in=taken)
        .order_by("pk")
    )
    by_school: dict[int, list[Staff]] = {}
    for person in people:
        by_school.setdefault(person.school_id, []).append(person)
    # One person a school, then a second from each, and so on: spread over many schools.
    chosen = [p for row in itertools.zip_longest(*by_school.values()) for p in row if p]
    if len(chosen) < count:
        sys.exit(f"Only {len(chosen)} people free to sign up to a lunch; seed a fresh database.")
    return [
        (_client(person), reverse("events:sign_up", args=[next_lunch[person.school_id]]))
        for person in chosen[:count]
    ]


def measure_writes(batch: int, batches: int) -> None:
    from ideas.board.models import PostItColour

    total = batch * batches + 1
    print(HEADER)

    signing_in = _people_at_other_schools(total, offset=0)
    login = reverse("login")

    def sign_in(n: int):
        form = {"username": signing_in[n % len(signing_in)].email, "password": SCALE_PASSWORD}
        return _expect(Client(HTTP_HOST=pages.HOST).post(login, form), 302, "sign in")

    # PBKDF2 is ~0.2 s a try: fewer of them, in batches of 5.
    small = max(2, batches // 2)
    print(measure(sign_in, batch=5, batches=small).row("sign in (POST)"), flush=True)

    posters = [_client(p) for p in _people_at_other_schools(total, offset=20)]
    post_idea = reverse("ideas:post_idea")

    def post(n: int):
        form = {
            "title": f"Capacity bench tip {n} {time.time_ns()}",
            "note": "Cold-call with a lolly stick, then give ten seconds' thinking time.",
            "tags": "questioning",
            "colour": PostItColour.values[n % len(PostItColour.values)],
        }
        return _expect(posters[n % len(posters)].post(post_idea, form), 302, "post a post-it")

    print(measure(post, batch=batch, batches=batches).row("post a post-it (POST)"), flush=True)

    joiners = _free_to_sign_up(total)

    def sign_up(n: int):
        client, path = joiners[n]
        form = {"plate": "Flapjacks", "plate_kind": "sweet", "allergens": ""}
        return _expect(client.post(path, form), 302, "sign up to a lunch")

    print(measure(sign_up, batch=batch, batches=batches).row("sign up to a lunch (POST)"))


def measure_digest(batches: int) -> None:
    """The Friday job's work for one school: its sections, recipients and their emails
    (rendered with CSS inlined, queued as send_email tasks), one school per request."""
    from hub.leaders.digest import digest_recipients, send_school_digest
    from hub.lib.weeks import Week
    from hub.models import School

    monday = Week.containing(timezone.localdate() - timedelta(days=7)).monday.isoformat()
    schools = list(
        School.objects.order_by("pk").values_list("pk", flat=True)[50 : 50 + batches + 1]
    )
    sent = []

    class Done:
        status_code, streaming, content = 200, False, b""

    def digest(n: int):
        sent.append(send_school_digest.call(school_id=schools[n], week_monday=monday))
        return Done

    from django_tasks_db.models import DBTaskResult

    before = DBTaskResult.objects.count()
    figures = measure(digest, batch=1, batches=batches)
    recipients = len(digest_recipients(School.objects.get(pk=schools[0])))
    print(HEADER)
    print(figures.row("weekly digest, 1 school"))
    print(f"  emails per school: median {statistics.median(sent):.0f} ({recipients} recipients)")
    table = "django_tasks_database_dbtaskresult"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), pg_total_relation_size('{table}') FROM {table}")
        rows, size = cursor.fetchone()
    print(
        f"  queued emails: {DBTaskResult.objects.count() - before} new task rows; {rows} in "
        f"{table}, {size / max(rows, 1):,.0f} B a row with its indexes and TOAST"
    )
    measure_sending(batches)


def measure_sending(batches: int, per_batch: int = 20) -> None:
    """A worker (`db_worker`, in this process) sending queued emails: claim the task, send
    one message (the locmem backend: no SMTP or TLS), record it. CPU per email."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    app, pg = [], []
    for _ in range(batches):
        if DBTaskResult.objects.ready().count() < per_batch:
            break
        pid = _backend_pid()
        pg_before, app_before = _backend_cpu_ns(pid), time.process_time()
        call_command("db_worker", batch=True, max_tasks=per_batch, startup_delay=False, verbosity=0)
        app.append((time.process_time() - app_before) * 1000 / per_batch)
        pg.append((_backend_cpu_ns(pid) - pg_before) / 1e6 / per_batch)
    figures = Figures()
    figures.app, figures.pg, figures.status = app, pg, 200
    print(figures.row("send one email (worker)"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=20, help="requests per timed batch")
    parser.add_argument("--batches", type=int, default=7, help="timed batches per figure")
    parser.add_argument(
        "--only", choices=["pages", "writes", "digest", "sizes", "photos"], action="append"
    )
    parser.add_argument("--photo", action="append", help="photo files (default: two found here)")
    parser.add_argument("--queries", metavar="PAGE", help="PostgreSQL CPU per query of a page")
    options = parser.parse_args()
    if options.queries:
        costliest_queries(options.queries)
        return
    parts = options.only or ["sizes", "pages", "writes", "digest", "photos"]
    if connection.vendor != "postgresql":
        sys.exit("Run against PostgreSQL (DATABASE_URL): its backend's CPU is half the point.")
    cache.clear()  # this Redis database only (BENCH_REDIS)
    started = time.perf_counter()
    for part in parts:
        print(f"\n== {part} ==")
        load_line("before")
        if part == "pages":
            measure_pages(options.batch, options.batches)
            fragment_memory()
        elif part == "writes":
            measure_writes(options.batch, options.batches)
        elif part == "digest":
            measure_digest(options.batches)
        elif part == "sizes":
            measure_sizes()
        else:
            measure_photos(options.photo or [path for path in PHOTOS if Path(path).exists()])
        load_line("after")
    # What one app process holds once every page has rendered: a gunicorn worker's size.
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS of this process: {peak_rss:.0f} MiB")
    print(f"{time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
