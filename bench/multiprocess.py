"""Two gunicorn servers on one PostgreSQL database, hit at the same moment.

    .venv/bin/python bench/multiprocess.py [--database-url postgres://...]

1. Forty staff sign up for a ten-place lunch at once, half through each server:
   exactly ten confirmed and thirty waitlisted, in the order they arrived.
2. Moderators pick the Idea of the Week many times at once across both servers:
   exactly one Idea of the Week row for the week and no error page.
3. School fragments across three servers, two sharing Redis and one with a cache
   of its own: a teacher's board wall is built once and shared by the first two; a
   colleague posts an idea through the first, and no server then serves the wall
   without it (the school's content version is read from the database).
4. Two task workers, as on two more machines, run the tasks the servers queued
   (the races' emails): each exactly once, none failed.

The servers reach PostgreSQL through a PgBouncer of the script's own in transaction
mode (DATABASE_POOLED=1, fewer server connections than server threads), as they would
on several machines; --direct connects them straight to PostgreSQL instead.

Prints what it saw and exits 1 if a check fails. Needs PostgreSQL: SQLite has
one writer and no second server process worth the name. `make multiprocess`.
"""

import argparse
import datetime as dt
import os
import random
import sys
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _pgbouncer  # noqa: E402
import _servers  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/staffroom_multiprocess"
DEFAULT_REDIS = "redis://127.0.0.1:6379/14"


def all_at_once(calls) -> list:
    """Run every call in its own thread, released together; returns their results."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # shown in the report
            results[index] = (type(error).__name__, str(error).encode())

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def make_world(people: int, capacity: int, moderators: int):
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from events.lunches.models import Lunch
    from hub.lib.weeks import Week
    from hub.models import Role, School, Staff, Status
    from ideas.board.models import Idea

    stamp = f"{int(time.time() * 1000) % 10**8:08d}"
    school = School.objects.create(urn=f"9{stamp[-6:]}", name=f"Multiprocess check {stamp}")
    password = make_password(None)
    staff = Staff.objects.bulk_create(
        Staff(
            email=f"person{index}.{stamp}@multiprocess.example",
            full_name=f"Person {index}",
            school=school,
            role=Role.TEACHER if index >= moderators else Role.SENIOR_LEADER,
            is_moderator=index < moderators,
            password=password,
        )
        for index in range(people)
    )
    starts = (timezone.now() + dt.timedelta(days=7)).replace(minute=0, second=0, microsecond=0)
    lunch = Lunch.objects.create(
        school=school,
        date=starts.astimezone(school.zone).date(),
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=45),
        room="Staffroom",
        capacity=capacity,
        theme="Two servers, one table",
        created_by=staff[0],
    )
    monday = Week.of_moment(timezone.now(), school.zone).monday
    ideas = Idea.objects.bulk_create(
        Idea(
            school=school,
            author=staff[-1 - index],
            title=f"Idea {index}",
            note="Something practical to try tomorrow.",
            colour="yellow",
            status=Status.PUBLISHED,
            week=monday,
        )
        for index in range(8)
    )
    return school, staff, lunch, ideas, monday


def check_sign_ups(ports, staff, lunch) -> bool:
    from events.lunches.models import SignUp, SignUpState

    cookies = [_servers.signed_in_cookies(person) for person in staff]
    path = f"/lunches/{lunch.pk}/sign-up/"
    calls = [
        (lambda c=c, port=ports[i % 2]: _servers.request(port, "POST", path, cookies=c, form={}))
        for i, c in enumerate(cookies)
    ]
    started = time.monotonic()
    results = all_at_once(calls)
    took = time.monotonic() - started
    statuses = Counter(status for status, _ in results)
    signed_in = all(b"#sign-up" in location for _, location in results)
    entries = list(SignUp.objects.filter(lunch=lunch).order_by("created_at", "pk"))
    states = Counter(entry.state for entry in entries)
    expected = [SignUpState.CONFIRMED] * lunch.capacity + [SignUpState.WAITLISTED] * (
        len(staff) - lunch.capacity
    )
    in_order = [entry.state for entry in entries] == expected
    ok = (
        statuses == Counter({302: len(staff)})
        and signed_in
        and len({entry.staff_id for entry in entries}) == len(staff) == len(entries)
        and in_order
    )
    print(f"Lunch sign-up: {len(staff)} simultaneous POSTs across ports {ports} in {took:.2f}s")
    print(f"  responses: {dict(statuses)}; all back to the lunch page: {signed_in}")
    print(
        f"  rows: {len(entries)}; confirmed {states[SignUpState.CONFIRMED]}, "
        f"waitlisted {states[SignUpState.WAITLISTED]} (capacity {lunch.capacity}); "
        f"confirmed first, then waitlist in arrival order: {in_order}"
    )
    print(f"  {'PASS' if ok else 'FAIL'}")
    return ok


def check_picks(ports, moderators, ideas, monday, picks: int) -> bool:
    from hub.models import AuditEntry
    from ideas.board.models import IdeaOfTheWeek

    rng = random.Random(8)
    cookies = [_servers.signed_in_cookies(person) for person in moderators]
    calls = []
    for index in range(picks):
        idea = rng.choice(ideas)
        form = {"reason": f"Pick {index}"}
        cookie, port = cookies[index % len(cookies)], ports[index % 2]
        path = f"/board/{idea.pk}/pick/"
        calls.append(
            lambda c=cookie, p=port, path=path, form=form: _servers.request(
                p, "POST", path, cookies=c, form=form
            )
        )
    started = time.monotonic()
    results = all_at_once(calls)
    took = time.monotonic() - started
    statuses = Counter(status for status, _ in results)
    picked = all(b"#idea-of-the-week" in location for _, location in results)
    rows = list(IdeaOfTheWeek.objects.filter(school=ideas[0].school, week=monday))
    recorded = AuditEntry.objects.filter(school=ideas[0].school, action="pick").count()
    ok = statuses == Counter({302: picks}) and picked and len(rows) == 1 and recorded == picks
    print(
        f"Idea of the Week: {picks} simultaneous picks by {len(moderators)} moderators "
        f"in {took:.2f}s"
    )
    print(f"  responses: {dict(statuses)}; all back to the board: {picked}")
    print(f"  picks recorded in the audit log: {recorded}")
    chosen = rows[0].idea.title if rows else "none"
    print(f"  IdeaOfTheWeek rows for the week: {len(rows)} (now: {chosen})")
    print(f"  {'PASS' if ok else 'FAIL'}")
    return ok


def check_fragments(ports, isolated_port, viewer, colleague) -> bool:
    """The board's wall is a school fragment: built once and shared through Redis by the
    first two servers; the third keeps its own cache (as a server that lost Redis and
    got it back, or never shared it). A colleague posts through the first; no server
    may then serve the wall without the new idea."""
    from django.urls import reverse

    board = reverse("ideas:board")
    viewer_cookies = _servers.signed_in_cookies(viewer)

    def visit(port) -> tuple[str, bytes]:
        headers: dict = {}
        status, body = _servers.request(
            port, "GET", board, cookies=viewer_cookies, headers_out=headers
        )
        return (
            headers.get("X-Staffroom-Fragments", "none") if status == 200 else str(status)
        ), body

    every = [*ports, isolated_port]
    before = [visit(port)[0] for port in every]
    title = f"Cross-server idea {time.time_ns()}"
    form = {"title": title, "note": "Seen on every server.", "tags": "", "colour": "green"}
    posted, _ = _servers.request(
        ports[0],
        "POST",
        reverse("ideas:post_idea"),
        cookies=_servers.signed_in_cookies(colleague),
        form=form,
    )
    after = [visit(port) for port in (ports[1], isolated_port, ports[0])]
    shown = [title.encode() in body for _, body in after]
    states_after = [state for state, _ in after]
    # Before: the first server builds the wall and its tags, the second takes both from
    # Redis, the third builds its own. After: the second server builds the new version
    # (nobody had), the third too, the first takes it from Redis.
    built, shared = "hits=0 misses=2", "hits=2 misses=0"
    ok = (
        before == [built, shared, built]
        and posted == 302
        and states_after == [built, built, shared]
        and all(shown)
    )
    print("Fragments: the board's wall on three servers (two share Redis), a colleague posts")
    print(f"  before, per server: {before}; post (server 1) answered {posted}")
    print(f"  after (servers 2, 3, 1): {states_after}; new idea shown: {shown}")
    print(f"  {'PASS' if ok else 'FAIL'}")
    return ok


def check_workers(env: dict, since) -> bool:
    """Two task workers, as on two other machines, run what the servers queued (the
    emails of the races above): every task once, none failed, none left."""
    import subprocess

    from django_tasks_db.compat import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload"]
    worker_env = {**env, "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend"}
    workers = [
        subprocess.Popen(
            command,
            cwd=_servers.ROOT,
            env=worker_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    exits = [worker.wait(timeout=300) for worker in workers]
    queued = DBTaskResult.objects.filter(enqueued_at__gte=since)
    states = Counter(queued.values_list("status", flat=True))
    claims = Counter(len(ids) for ids in queued.values_list("worker_ids", flat=True))
    ok = (
        exits == [0, 0]
        and set(states) <= {TaskResultStatus.SUCCESSFUL}
        and set(claims) <= {1}
        and sum(states.values()) > 0
    )
    print("Workers: two db_worker processes run the tasks the servers queued")
    print(
        f"  exits {exits}; tasks by state {dict(states)}; claimed once each: {set(claims) <= {1}}"
    )
    print(f"  {'PASS' if ok else 'FAIL'}")
    return ok


def start_pgbouncer(database_url: str, port: int):
    """The servers' PgBouncer. The web limits (lock and statement timeouts) cannot travel
    as startup options through it: they go on the role, as in production (README)."""
    from django.conf import settings

    _pgbouncer.set_role_timeouts(database_url, settings.DATABASE_TIMEOUTS)
    bouncer = _pgbouncer.start(database_url, port=port)
    print(
        f"PgBouncer {bouncer.port}: transaction mode, {bouncer.pool_size} server connections "
        "for the servers' 24 threads"
    )
    return bouncer


def check_pooled(bouncer, database_url: str) -> bool:
    """The servers' transactions went through PgBouncer, and a pooled connection has the
    web limits although nothing sent them."""
    import psycopg
    from django.conf import settings

    with psycopg.connect(bouncer.url, autocommit=True) as connection:
        limits = {
            name: connection.execute(f"SHOW {name}").fetchone()[0]
            for name in settings.DATABASE_TIMEOUTS
        }
    stats = bouncer.stats(database_url.rsplit("/", 1)[-1])
    transactions = int(stats.get("total_xact_count", 0))
    ok = limits == settings.DATABASE_TIMEOUTS and transactions > 0
    print("PgBouncer: every server's queries went through it, in transaction mode")
    print(
        f"  transactions {transactions}, queries {stats.get('total_query_count')}, "
        f"client wait for a server connection {int(stats.get('total_wait_time', 0)) / 1e6:.2f}s"
    )
    print(f"  limits on a pooled connection (from the role): {limits}")
    print(f"  {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_URL)
    parser.add_argument("--people", type=int, default=40)
    parser.add_argument("--capacity", type=int, default=10)
    parser.add_argument("--moderators", type=int, default=6)
    parser.add_argument("--picks", type=int, default=30)
    parser.add_argument("--ports", type=int, nargs=2, default=[8701, 8702])
    parser.add_argument("--isolated-port", type=int, default=8703)
    parser.add_argument("--isolated-redis-url", default="redis://127.0.0.1:6379/13")
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL") or DEFAULT_REDIS)
    parser.add_argument(
        "--direct", action="store_true", help="servers connect to PostgreSQL, not PgBouncer"
    )
    parser.add_argument("--pgbouncer-port", type=int, default=0, help="default: a free port")
    args = parser.parse_args()
    # The servers and this script share the cache, as web processes and workers do.
    os.environ["REDIS_URL"] = args.redis_url
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        print(
            "bench/multiprocess.py needs PostgreSQL (SQLite has one writer): "
            "pass --database-url postgres://..."
        )
        return 2

    _servers.ensure_database(args.database_url)
    _servers.setup_django(args.database_url)
    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    started = timezone.now()
    school, staff, lunch, ideas, monday = make_world(args.people, args.capacity, args.moderators)
    print(f"Database {args.database_url.rsplit('/', 1)[-1]}; school {school.urn}")
    bouncer = None if args.direct else start_pgbouncer(args.database_url, args.pgbouncer_port)
    env = _servers.production_env(bouncer.url if bouncer else args.database_url)
    servers = []
    try:
        env["STAFFROOM_FRAGMENT_STATS"] = "1"
        if bouncer:
            env["DATABASE_POOLED"] = "1"
        for port in args.ports:
            servers.append(_servers.start_gunicorn(port, env))
        isolated = {**env, "REDIS_URL": args.isolated_redis_url}
        servers.append(_servers.start_gunicorn(args.isolated_port, isolated))
        ok = check_sign_ups(args.ports, staff, lunch)
        ok = check_picks(args.ports, staff[: args.moderators], ideas, monday, args.picks) and ok
        ok = check_fragments(args.ports, args.isolated_port, staff[-1], staff[-2]) and ok
        ok = check_workers(env, started) and ok
        if bouncer:
            ok = check_pooled(bouncer, args.database_url) and ok
    finally:
        for server in servers:
            _servers.stop(server)
        if bouncer:
            bouncer.stop()
    print("ALL PASS" if ok else "SOME CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
