"""The arithmetic of bench/CAPACITY.md: measured costs in, servers and storage out.

    .venv/bin/python bench/capacity.py | tee bench/out/capacity.txt     # measure (~3 min)
    .venv/bin/python bench/capacity_model.py bench/out/capacity.txt     # plan (instant)

Every cost comes from capacity.py's output (measured). Every assumption about how staff
use Staffroom is a named constant below with its reason (estimated): change one, run this
again, and the tables in CAPACITY.md follow. No Django, no database: plain arithmetic.
"""

import math
import re
import sys
from pathlib import Path

# --- Who: DfE, "School workforce in England", reporting year 2024 (November 2024) ---
ENGLAND_FTE = 985_800  # all staff in state-funded schools, full-time equivalent
TEACHERS_HEADCOUNT, TEACHERS_FTE = 513_400, 468_300
# People, not FTE, open pages: teachers' headcount/FTE ratio applied to every post (the
# support staff's own ratio is higher, so this undercounts a little).
ENGLAND_PEOPLE = round(ENGLAND_FTE * TEACHERS_HEADCOUNT / TEACHERS_FTE)
# DfE, "Schools, pupils and their characteristics" 2024/25: about 22,000 state-funded schools.
ENGLAND_SCHOOLS = 22_000
SCENARIOS = [  # name, people, schools
    ("1 primary school", 35, 1),
    ("1 secondary school", 120, 1),
    ("trust of 100 schools", 12_000, 100),
    ("England", ENGLAND_PEOPLE, ENGLAND_SCHOOLS),
]

# --- How they use it (estimated) ---
ACTIVE_SHARE = 0.5  # of staff open Staffroom on a given school day
SCHOOL_DAYS = 190
PEAK_FACTOR = 2.0  # the busiest 5 minutes of a window run at twice its mean rate
# Requests per visit. A write (post-it, reaction, comment, reply) is costed as posting a
# post-it, the costliest measured write; its redirect opens the board again (in "board").
MORNING = {
    "home": 1.0, "board": 1.0, "thursday": 0.3, "lunches": 0.2, "lunch": 0.15,
    "notifications": 0.3, "edition": 0.05, "dashboard": 0.02,
    "sign in (form)": 0.1, "sign in (POST)": 0.1,  # sessions last 14 days; phones, shared PCs
    "post a post-it (POST)": 0.3, "sign up to a lunch (POST)": 0.03,
}  # fmt: skip
THURSDAY = {**MORNING, "thursday": 1.0, "post a post-it (POST)": 0.45}  # replies too
SHORT = {"home": 1.0, "board": 0.5, "notifications": 0.3, "post a post-it (POST)": 0.1,
         "sign in (form)": 0.05, "sign in (POST)": 0.05}  # fmt: skip
LUNCHTIME = {**SHORT, "lunches": 0.5, "lunch": 0.5, "sign up to a lunch (POST)": 0.15}
# name, minutes, share of the day's active staff who visit in it, their visit
WINDOWS = [
    ("Thu 07:00-07:30 the question", 30, 0.15, THURSDAY),
    ("08:00-08:45 morning", 45, 0.6, MORNING),
    ("Thu 08:00-08:45 morning", 45, 0.6, THURSDAY),
    ("10:30-10:50 break", 20, 0.15, SHORT),
    ("12:00-13:00 lunch", 60, 0.25, LUNCHTIME),
    ("15:30-17:00 after school", 90, 0.3, MORNING),
    ("19:00-21:00 evening", 120, 0.15, SHORT),
]
# Visits an active person makes a day: the windows above once each (Thursday's early one
# on one day in five; its 08:00 window replaces the ordinary one).
VISITS_A_DAY = 0.6 + 0.15 + 0.25 + 0.3 + 0.15 + 0.15 / 5
SCHOOL_WEEKS = 39  # a digest each school week
REPEAT_SHARE = 0.1  # page views answered 304 (the same person, the page unchanged)
FRAGMENT_PAGES = ["home", "board", "thursday", "lunches", "lunch", "dashboard", "edition"]
# Not counted by a backend's own CPU or the test client (estimated): gunicorn and the TLS
# proxy (~0.2 ms a request measured in RESULTS.md, more with TLS); PostgreSQL's WAL writer,
# checkpointer, autovacuum and replication.
APP_OVERHEAD, PG_OVERHEAD = 1.15, 1.3
UTILISATION = 0.6  # plan to run at most 60 % busy at the busiest 5 minutes
WEB_SERVER_CORES = 8
# A worker's memory when the run did not print its own: capacity.py's peak RSS after every
# page had rendered, measured on 1 Dec 2026 (bench/CAPACITY.md).
RSS_FALLBACK_MIB = 166

# --- Storage (estimated, from measured sizes) ---
SEED_STAFF_PER_SCHOOL, SEED_WEEKS = 80, 52  # capacity.py's database (seed_scale)
PHOTOS_PER_ARTICLE = 2
PHONE_PHOTO_PIXELS, PRINT_PIXELS = 2000 * 1500, 1000 * 750  # clean_image, print_rendition
LUNCH_RESOURCE_BYTES = 2_000_000  # slides or a handout as PDF, one per lunch
EMAIL_ROW_BYTES_FALLBACK = 3_400
NOTIFICATION_ROW_BYTES = 250  # like a comment's row with its indexes
SIGN_IN_ROW_BYTES = 2_400  # a session row and an axes access-log row


def parse(path: str) -> dict:
    """capacity.py's rows: {"home cold": (app_ms, pg_ms, queries, bytes)} and a few totals."""
    text = Path(path).read_text()
    costs = {}
    for line in text.splitlines():
        fields = line[26:].split()
        if len(fields) == 7 and fields[1].startswith("["):
            costs[line[:26].strip()] = (float(fields[0]), float(fields[2]), int(fields[4]),
                                        int(fields[5]))  # fmt: skip
    number = lambda pattern: float(re.search(pattern, text).group(1).replace(",", ""))  # noqa: E731
    costs["_kib_per_school"] = number(r"all tables\s+[\d.]+\s+(\d+)")
    costs["_fragment_kib"] = number(r"fragment keys of 1 school\(s\), (\d+) KiB")
    costs["_recipients"] = number(r"emails per school: median (\d+)")
    costs["_bytes_per_pixel"] = [float(x) for x in re.findall(r"\(([\d.]+) B/px\)", text)]
    found = re.search(r"([\d,]+) B a row with its indexes", text)
    costs["_email_row"] = float(found.group(1).replace(",", "")) if found else None
    rows = dict(re.findall(r"^(\w+)\s+([\d,]+)\s+[\d.]+\s+[\d.]+\s+\d+\s+\d+$", text, re.M))
    found = re.search(r"peak RSS of this process: (\d+) MiB", text)
    costs["_rss_mib"] = float(found.group(1)) if found else None
    costs["_seed_rows"] = {name: int(count.replace(",", "")) for name, count in rows.items()}
    return costs


def cold_share(visit: dict) -> float:
    """Share of fragment-page views rendered cold. A write moves the school's content
    version; until the next write, the first view of each page renders it again, later
    views of it read the fragments. With w writes and v such views a visit, each write is
    followed by v/w views: the expected number of distinct pages among them is cold."""
    views = {page: visit.get(page, 0) for page in FRAGMENT_PAGES}
    total, writes = (
        sum(views.values()),
        visit.get("post a post-it (POST)", 0) + visit.get("sign up to a lunch (POST)", 0),
    )
    if not writes:
        return 0.0
    between = total / writes
    distinct = sum(1 - (1 - rate / total) ** between for rate in views.values() if rate)
    return min(1.0, distinct / between)


def visit_cost(visit: dict, costs: dict) -> tuple[float, float, float]:
    """Requests, app CPU ms and PostgreSQL CPU ms of one visit, modes mixed."""
    cold = cold_share(visit)
    mix = {"cold": cold, "school-warm": 1 - cold - REPEAT_SHARE, "repeat": REPEAT_SHARE}
    requests = app = pg = 0.0
    for name, rate in visit.items():
        requests += rate
        if name in costs:  # a write, the sign-in form
            app, pg = app + rate * costs[name][0], pg + rate * costs[name][1]
            continue
        for mode, share in mix.items():
            # No ETag (notifications) or no fragment: that mode costs what cold does.
            cost = costs.get(f"{name} {mode}") or costs[f"{name} cold"]
            app, pg = app + rate * share * cost[0], pg + rate * share * cost[1]
    return requests, app, pg


WRITES = ["post a post-it (POST)", "sign up to a lunch (POST)", "sign in (POST)"]
# The largest PostgreSQL primary worth planning on (cloud sizes go higher, at a price).
LARGEST_PRIMARY_CORES = 64
REPLICA_CORES = 16


def _n(value: float) -> str:
    """3 significant figures, thousands separated."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def primary_pg_ms(visit: dict, costs: dict) -> float:
    """PostgreSQL CPU a visit needs from the primary once reads go to replicas: its writes
    and, for each, the page the redirect opens (read-your-writes: the router keeps a person
    on the primary just after they wrote; the board, rendered cold after a write)."""
    pg = 0.0
    for name in WRITES:
        pg += visit.get(name, 0) * costs[name][1]
        if name != "sign in (POST)":
            pg += visit.get(name, 0) * costs["board cold"][1]
    return pg


def _peak_visits(people: int, minutes: int, share: float) -> float:
    """Visits a second in the busiest 5 minutes of a window."""
    return people * ACTIVE_SHARE * share / (minutes * 60) * PEAK_FACTOR


def visits_table(costs: dict) -> None:
    print("## One visit, by window (modes mixed by the cold share)\n")
    print("| window | minutes | share of the day's active staff | requests | writes | "
          "app CPU ms | PG CPU ms | cold share of fragment pages |")  # fmt: skip
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for window, minutes, share, visit in WINDOWS:
        requests, app, pg = visit_cost(visit, costs)
        writes = sum(visit.get(name, 0) for name in WRITES)
        print(f"| {window} | {minutes} | {share:.0%} | {requests:.2f} | {writes:.2f} | {app:.0f} "
              f"| {pg:.1f} | {cold_share(visit):.0%} |")  # fmt: skip


def peak_table(costs: dict) -> dict:
    """Requests a second per scenario and window; returns each scenario's busiest."""
    print("\n## Requests a second at the busiest 5 minutes of each window\n")
    print("| window |" + "".join(f" {name} |" for name, _, _ in SCENARIOS))
    print("|---|" + "--:|" * len(SCENARIOS))
    worst: dict[str, tuple] = {}
    for window, minutes, share, visit in WINDOWS:
        requests, app, pg = visit_cost(visit, costs)
        writes = sum(visit.get(name, 0) for name in WRITES)
        cells = []
        for name, people, _ in SCENARIOS:
            visits = _peak_visits(people, minutes, share)
            cells.append(_n(visits * requests))
            if visits * app > worst.get(name, (0,))[0] * 1000:
                worst[name] = (visits * app / 1000, visits * pg / 1000, visits * requests,
                               visits * writes, window)  # fmt: skip
        print(f"| {window} |" + "".join(f" {cell} |" for cell in cells))
    return worst


def servers_table(worst: dict, costs: dict) -> None:
    recipients = costs["_recipients"]
    digest, send = costs["weekly digest, 1 school"], costs["send one email (worker)"]
    digest_app, digest_pg = digest[0] / recipients + send[0], digest[1] / recipients + send[1]
    rss = costs["_rss_mib"] or RSS_FALLBACK_MIB
    print("\n## At each scenario's busiest 5 minutes: CPU busy, and what to provision\n")
    print("| scenario | busiest window | req/s | write tx/s | app cores busy | PG cores busy "
          "| app cores to provision | web servers (N+1 from 8 vCPU) | worker processes, RAM GiB "
          "| PG cores to provision | Friday digest: emails; app, PG CPU-seconds |")  # fmt: skip
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|")
    for name, people, _ in SCENARIOS:
        app_cores, pg_cores, rps, writes, window = worst[name]
        app_need = app_cores * APP_OVERHEAD / UTILISATION
        pg_need = pg_cores * PG_OVERHEAD / UTILISATION
        size = WEB_SERVER_CORES if app_need > 2 * 2 else 2  # small ones: 2 vCPU
        servers = max(2, math.ceil(app_need / size) + (1 if size == WEB_SERVER_CORES else 0))
        processes = max(2, math.ceil(app_need))  # one per core; 2 threads each (see CAPACITY.md)
        print(f"| {name} | {window} | {_n(rps)} | {_n(writes)} | {_n(app_cores)} | "
              f"{_n(pg_cores)} | {_n(app_need)} | {servers} x {size} vCPU | {processes}, "
              f"{processes * rss / 1024:.1f} | {_n(pg_need)} | {people:,}; "
              f"{_n(people * digest_app / 1000)}, {_n(people * digest_pg / 1000)} |")  # fmt: skip


def headroom_table(costs: dict) -> None:
    """England at more use than modelled: when one primary stops being enough."""
    _, minutes, share, visit = max(WINDOWS, key=lambda w: w[2] / w[1] * visit_cost(w[3], costs)[2])
    _, _, pg = visit_cost(visit, costs)
    primary = primary_pg_ms(visit, costs)
    visits = _peak_visits(ENGLAND_PEOPLE, minutes, share)
    print(
        f"\n## England at more use than modelled ({visit_cost(visit, costs)[0]:.2f} requests, "
        f"{pg:.1f} ms PG CPU a visit; {primary:.1f} ms of it must stay on the primary)\n"
    )
    print(
        "| use | PG cores to provision, one primary for all | primary cores with replicas "
        f"| read replicas ({REPLICA_CORES} vCPU, +1 spare) "
        f"| fits one {LARGEST_PRIMARY_CORES}-core primary? |"
    )
    print("|--:|--:|--:|--:|---|")
    for times in (1, 2, 5, 10, 20, 40):
        alone = visits * times * pg / 1000 * PG_OVERHEAD / UTILISATION
        kept = visits * times * primary / 1000 * PG_OVERHEAD / UTILISATION
        replicas = math.ceil((alone - kept) / REPLICA_CORES) + 1  # one more for failure
        verdict = (
            "yes, alone" if alone <= LARGEST_PRIMARY_CORES
            else "with replicas" if kept <= LARGEST_PRIMARY_CORES
            else "no: shard"
        )  # fmt: skip
        print(f"| {times}x | {_n(alone)} | {_n(kept)} | {replicas} | {verdict} |")


def storage_table(costs: dict) -> None:
    seed = costs["_seed_rows"]
    content = ["ideas_idea", "ideas_reaction", "ideas_comment", "ideas_reply", "ideas_question",
               "events_signup", "ideas_article", "events_takeaway", "events_input"]  # fmt: skip
    seed_writes = sum(seed.get(table, 0) for table in content) / 500  # per school, 52 weeks
    bpp = sum(costs["_bytes_per_pixel"]) / len(costs["_bytes_per_pixel"])
    photo = bpp * (PHONE_PHOTO_PIXELS + PRINT_PIXELS)
    articles = seed.get("ideas_article", 0) / 500  # per school per year
    lunches = seed.get("events_lunch", 0) / 500
    email_row = costs["_email_row"] or EMAIL_ROW_BYTES_FALLBACK
    print("\n## Storage per year\n")
    print(f"seed: {seed_writes:,.0f} content rows a school a year at {SEED_STAFF_PER_SCHOOL} "
          f"staff; {articles:.1f} articles, {lunches:.1f} lunches; a photo kept: "
          f"{photo / 1e6:.2f} MB ({bpp:.2f} B/px)\n")  # fmt: skip
    print(
        "| scenario | content | notices | email rows | sign-in rows | database, unpruned "
        "| database, pruned | object storage | Redis (live / busiest hour) |"
    )
    print("| (MB a year) | | | | | | | | (MB) |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    morning_writes = MORNING["post a post-it (POST)"] + MORNING["sign up to a lunch (POST)"]
    # Each write starts a content version; the pages opened before the next one render
    # their fragments again, and old versions stay in Redis up to FRAGMENT_SECONDS (1 h).
    rendered_per_version = (
        cold_share(MORNING)
        * sum(MORNING[p] for p in FRAGMENT_PAGES)
        / (morning_writes * len(FRAGMENT_PAGES))
    )
    for name, people, schools in SCENARIOS:
        visits = people * ACTIVE_SHARE * VISITS_A_DAY * SCHOOL_DAYS
        writes = visits * MORNING["post a post-it (POST)"]
        content_mb = (
            costs["_kib_per_school"] * 1024 / 1e6 * schools * (writes / schools) / seed_writes
        )
        notices_mb = writes * NOTIFICATION_ROW_BYTES / 1e6
        emails = (
            people * SCHOOL_WEEKS + writes * 0.5
        )  # a digest a school week; half the notices emailed
        email_mb = emails * email_row / 1e6
        sign_in_mb = visits * MORNING["sign in (POST)"] * SIGN_IN_ROW_BYTES / 1e6
        unpruned = (content_mb + notices_mb + email_mb + sign_in_mb) / 1000
        pruned = (content_mb + notices_mb) / 1000
        objects = schools * (articles * PHOTOS_PER_ARTICLE * photo
                             + lunches * LUNCH_RESOURCE_BYTES) / 1e9  # fmt: skip
        live = schools * costs["_fragment_kib"] * 1024 / 1e9
        versions_in_busiest_hour = people / schools * ACTIVE_SHARE * 0.6 * morning_writes
        hour = live * (1 + versions_in_busiest_hour * rendered_per_version)
        print(f"| {name} | {_n(content_mb)} | {_n(notices_mb)} | {_n(email_mb)} | "
              f"{_n(sign_in_mb)} | {_n(unpruned * 1000)} | {_n(pruned * 1000)} | "
              f"{_n(objects * 1000)} | {_n(live * 1000)} / {_n(hour * 1000)} |")  # fmt: skip


def main(path: str) -> None:
    costs = parse(path)
    print(f"England: {ENGLAND_PEOPLE:,} people ({ENGLAND_FTE:,} FTE x {TEACHERS_HEADCOUNT:,} / "
          f"{TEACHERS_FTE:,}), {ENGLAND_SCHOOLS:,} schools\n")  # fmt: skip
    visits_table(costs)
    worst = peak_table(costs)
    servers_table(worst, costs)
    headroom_table(costs)
    storage_table(costs)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bench/out/capacity.txt")
