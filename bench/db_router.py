"""What the read-replica routing costs a request: the middleware and the router's
decisions, without a database (the queries themselves cost the same on either server).

    .venv/bin/python bench/db_router.py

Prints microseconds per request (median of 7 rounds of 20,000) for a page read from the
replica, a page by a browser pinned to the primary (its signed cookie checked), and a
form post (which signs a new cookie), each with a view that makes five reads.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hub.settings")
os.environ.setdefault("DATABASE_REPLICA_URL", "sqlite:///unused-replica.sqlite3")

import django  # noqa: E402

django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402

from hub.models import School  # noqa: E402
from hub.ops.db_router import (  # noqa: E402
    PIN_COOKIE,
    PrimaryReplicaRouter,
    ReplicaReadsMiddleware,
)

ROUNDS, REQUESTS, READS = 7, 20_000, 5
router = PrimaryReplicaRouter()


def view(request):
    for _ in range(READS):
        router.db_for_read(School)
    return HttpResponse()


def per_request(request, middleware) -> float:
    rounds = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        for _ in range(REQUESTS):
            middleware(request)
        rounds.append((time.perf_counter() - started) / REQUESTS * 1e6)
    return statistics.median(rounds)


def main() -> None:
    requests = RequestFactory()
    bare = per_request(requests.get("/"), view)
    routed = ReplicaReadsMiddleware(view)
    page = requests.get("/")
    post = requests.post("/")
    pinned = requests.get("/")
    pinned.COOKIES[PIN_COOKIE] = routed(requests.post("/")).cookies[PIN_COOKIE].value
    print(f"{READS} reads routed per request; microseconds per request, median of {ROUNDS}")
    print(f"  a view alone, no routing:                 {bare:6.1f}")
    for name, request in (
        ("a page read from the replica", page),
        ("a page pinned to the primary (cookie)", pinned),
        ("a form post (signs the pin cookie)", post),
    ):
        cost = per_request(request, routed)
        print(f"  {name + ':':<42}{cost:6.1f}  (+{cost - bare:.1f})")


if __name__ == "__main__":
    main()
