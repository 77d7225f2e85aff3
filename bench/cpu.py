"""CPU seconds used so far by the app servers and by PostgreSQL, from /proc (Linux).

    python bench/cpu.py PID...  --db staffroom_bench_small

prints "app_seconds pg_seconds":

- app: each PID given (gunicorn masters) and all their descendants (the workers);
- pg: every PostgreSQL backend serving the database `--db` (its process title
  names the database, so other databases on a shared server are left out).

bench/pages.sh takes a snapshot before and after each wrk run and divides the
difference by the number of requests: the CPU one page costs each side, measured
from outside, with the servers' and the database's own work both counted.
Backends that exit during a run would take their CPU with them; the app keeps its
connections open (DATABASE_CONN_MAX_AGE), so they do not.
"""

import os
import sys
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command may hold spaces and parentheses: split after its closing one.
    return raw[raw.rindex(")") + 2 :].split()


def _cpu_seconds(pid: int) -> float:
    fields = _stat(pid)
    if fields is None:
        return 0.0
    # Fields 14 and 15 of stat (utime, stime), counted from after the command.
    return (int(fields[11]) + int(fields[12])) / TICKS


def _parents() -> dict[int, int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) is not None:
            parents[int(entry.name)] = int(fields[1])
    return parents


def _descendants(roots: set[int], parents: dict[int, int]) -> set[int]:
    found = set(roots)
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in found and pid not in found:
                found.add(pid)
                grew = True
    return found


def _backends_of(database: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # "postgres: postgres staffroom_bench_small 127.0.0.1(53412) idle"
        if title.startswith("postgres: ") and f" {database} " in f"{title} ":
            pids.append(int(entry.name))
    return pids


def main(argv: list[str]) -> None:
    database = ""
    if "--db" in argv:
        at = argv.index("--db")
        database = argv[at + 1]
        argv = argv[:at] + argv[at + 2 :]
    roots = {int(pid) for pid in argv}
    app = sum(_cpu_seconds(pid) for pid in _descendants(roots, _parents()))
    pg = sum(_cpu_seconds(pid) for pid in _backends_of(database)) if database else 0.0
    print(f"{app:.3f} {pg:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
