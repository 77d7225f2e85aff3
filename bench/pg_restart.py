"""PostgreSQL stopped and started again while gunicorn serves signed-in pages.

    .venv/bin/python bench/pg_restart.py --database-url postgres://postgres@127.0.0.1:5432/x \
        --cluster "15 main" [--seconds 20 --down-seconds 3 --clients 4]

Starts gunicorn (DEBUG off, plain HTTP on loopback), keeps --clients threads
requesting the home page for --seconds, stops the cluster with
`pg_ctlcluster --skip-systemctl-redirect VERSION NAME stop -m fast` a few
seconds in, starts it again --down-seconds later, and prints per phase how
many requests answered 200, 500 or 503, failed to connect, or hung (no answer
within --timeout). The app is never restarted: CONN_HEALTH_CHECKS lets each
worker drop its dead connection and open a new one.

The cluster is started again whatever happens (finally, SIGINT, SIGTERM).
Stopping a cluster stops every database in it: on a shared machine point it at
a cluster of its own, e.g. `pg_createcluster -p 5439 15 bench -- --auth=trust`.
Must run as root or postgres (pg_ctlcluster). Exits 1 if a check fails.
"""

import argparse
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _servers  # noqa: E402


class Cluster:
    def __init__(self, spec: str):
        self.version, self.name = spec.split()

    def ctl(self, action: str, *extra: str) -> None:
        command = ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, self.name, action]
        subprocess.run([*command, *extra], check=True, capture_output=True, timeout=60)

    def online(self) -> bool:
        status = subprocess.run(
            ["pg_ctlcluster", self.version, self.name, "status"], capture_output=True
        )
        return status.returncode == 0

    def ensure_started(self) -> None:
        if not self.online():
            self.ctl("start")
            print(f"PostgreSQL {self.version}/{self.name} started again.")


def make_world():
    from django.contrib.auth.hashers import make_password

    from hub.models import Role, School, Staff

    stamp = f"{int(time.time() * 1000) % 10**8:08d}"
    school = School.objects.create(urn=f"8{stamp[-6:]}", name=f"Restart check {stamp}")
    return Staff.objects.create(
        email=f"restart.{stamp}@bench.example",
        full_name="Restart Bench",
        school=school,
        role=Role.TEACHER,
        password=make_password(None),
    )


def load(port, cookies, until: float, timeout: float, log: list, lock) -> None:
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            status, body = _servers.request(port, "GET", "/", cookies=cookies, timeout=timeout)
            outcome = str(status)
            if status == 500 and b"Something went wrong" not in body:
                outcome = "500 without the error page"
        except TimeoutError:
            outcome = "hung"
        except OSError as error:
            outcome = f"connection error ({type(error).__name__})"
        with lock:
            log.append((started, time.monotonic() - started, outcome))
        if outcome != "200":
            time.sleep(0.05)  # a browser's user would not retry faster


PHASES = ["before", "stopping", "down", "starting", "after"]


def phase_of(moment: float, marks: list[float]) -> str:
    """marks: stop issued, stop returned, start issued, start returned."""
    return f"{sum(moment >= mark for mark in marks)} {PHASES[sum(moment >= m for m in marks)]}"


def report(log, marks, server) -> bool:
    started = marks[-1]
    phases: dict[str, Counter] = {}
    slowest: dict[str, float] = {}
    for moment, took, outcome in log:
        phase = phase_of(moment, marks)
        phases.setdefault(phase, Counter())[outcome] += 1
        slowest[phase] = max(slowest.get(phase, 0), took)
    for phase in sorted(phases):
        counts = ", ".join(f"{key}: {value}" for key, value in sorted(phases[phase].items()))
        print(f"  {phase[2:]:<8} {counts}  (slowest {slowest[phase] * 1000:.0f} ms)")
    after = [entry for entry in sorted(log) if entry[0] >= started]
    first_ok = next((m for m, _, outcome in after if outcome == "200"), None)
    tail = [outcome for _, _, outcome in after[-20:]]
    hung = sum(counts["hung"] for counts in phases.values())
    clean_failures = all(
        outcome in {"200", "500", "503"} for _, _, outcome in log if outcome != "200"
    )
    recovered = bool(tail) and all(outcome == "200" for outcome in tail)
    if first_ok is not None:
        print(f"  first 200 after the restart: {first_ok - started:.2f}s after it was up")
    print(f"  requests that hung: {hung}; every failure a clean 500/503 page: {clean_failures}")
    alive = server.poll() is None
    print(f"  last 20 requests all 200: {recovered}; gunicorn never restarted: {alive}")
    return hung == 0 and clean_failures and recovered and alive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--cluster", default="15 main", help='"VERSION NAME" for pg_ctlcluster')
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--stop-after", type=float, default=5)
    parser.add_argument("--down-seconds", type=float, default=3)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--port", type=int, default=8711)
    args = parser.parse_args()
    cluster = Cluster(args.cluster)

    def stop_requested(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_requested)
    server = None
    try:
        cluster.ensure_started()
        _servers.ensure_database(args.database_url)
        _servers.setup_django(args.database_url)
        from django.core.management import call_command
        from django.db import connection

        call_command("migrate", verbosity=0)
        cookies = _servers.signed_in_cookies(make_world())
        connection.close()
        log_path = Path(tempfile.gettempdir()) / "staffroom-pg-restart-gunicorn.log"
        with log_path.open("w") as server_log:
            server = _servers.start_gunicorn(
                args.port, _servers.production_env(args.database_url), log=server_log
            )
        print(f"gunicorn's error log (the 500s' tracebacks): {log_path}")
        log, lock = [], threading.Lock()
        until = time.monotonic() + args.seconds
        clients = [
            threading.Thread(target=load, args=(args.port, cookies, until, args.timeout, log, lock))
            for _ in range(args.clients)
        ]
        for client in clients:
            client.start()
        time.sleep(args.stop_after)
        marks = [time.monotonic()]
        cluster.ctl("stop", "-m", "fast")
        marks.append(time.monotonic())
        time.sleep(args.down_seconds)
        marks.append(time.monotonic())
        cluster.ctl("start")
        marks.append(time.monotonic())
        print(
            f"PostgreSQL {args.cluster}: stop issued at {args.stop_after:.0f}s, took "
            f"{marks[1] - marks[0]:.1f}s; down {marks[2] - marks[1]:.1f}s; "
            f"start took {marks[3] - marks[2]:.1f}s"
        )
        for client in clients:
            client.join()
        print(f"{len(log)} requests from {args.clients} clients over {args.seconds:.0f}s:")
        ok = report(log, marks, server)
    finally:
        cluster.ensure_started()
        if server is not None:
            _servers.stop(server)
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
