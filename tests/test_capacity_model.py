"""bench/capacity_model.py, the arithmetic behind bench/CAPACITY.md: the cold share it
derives from writes, what it reads from bench/capacity.py's output, what stays on the
primary. Plain Python: no database."""

import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "bench" / "capacity_model.py"
spec = importlib.util.spec_from_file_location("capacity_model", PATH)
model = importlib.util.module_from_spec(spec)
spec.loader.exec_module(model)

WRITE = "post a post-it (POST)"

# The shape of bench/capacity.py's output: names padded to 26 characters, then the figures.
OUTPUT = """
== sizes ==
all tables                                      244.8                        501
ideas_idea                             64,791    24.9     15.4    403         51
== pages ==
home cold                    25.71 [22.50-29.69]   11.30 [10.23-12.58]      15     8136    200
home school-warm             11.80 [9.09-14.27]      1.61 [1.18-1.94]       7     8136    200
home repeat                     3.31 [2.99-3.47]      0.68 [0.62-0.81]       4        0    304
board cold                   28.58 [27.69-30.01]      6.02 [5.84-6.31]      14    18775    200
notifications repeat        no ETag: every visit renders (school-warm)
Redis: 10 fragment keys of 1 school(s), 96 KiB (MEMORY USAGE, keys and values)
sign in (POST)             244.89 [236.49-245.08]      3.56 [3.04-4.05]      17        0    302
post a post-it (POST)        12.49 [11.49-13.95]      3.00 [2.66-3.82]      24        0    302
sign up to a lunch (POST)    12.51 [10.51-16.79]      2.73 [2.30-3.12]      16        0    302
  emails per school: median 80 (80 recipients)
  queued emails: 640 new task rows; 1200 in django_tasks_database_dbtaskresult, 3,331 B a row
f3.jpg: 259,494 B in; cleaned 720x477 108,698 B (0.32 B/px), print copy 108,478 B; 25 ms CPU
peak RSS of this process: 166 MiB
"""


@pytest.fixture
def costs(tmp_path):
    path = tmp_path / "capacity.txt"
    path.write_text(OUTPUT.replace("B a row\n", "B a row with its indexes and TOAST\n"))
    return model.parse(str(path))


def test_it_reads_each_requests_cpu_queries_and_bytes(costs):
    assert costs["home cold"] == (25.71, 11.30, 15, 8136)
    assert costs["home repeat"] == (3.31, 0.68, 4, 0)
    assert "notifications repeat" not in costs  # no ETag: no row


def test_it_reads_the_sizes_redis_photos_and_memory(costs):
    assert costs["_kib_per_school"] == 501
    assert costs["_seed_rows"]["ideas_idea"] == 64_791
    assert costs["_fragment_kib"] == 96
    assert costs["_recipients"] == 80
    assert costs["_email_row"] == 3_331
    assert costs["_bytes_per_pixel"] == [0.32]
    assert costs["_rss_mib"] == 166


def test_a_visit_that_writes_nothing_is_never_cold():
    assert model.cold_share({"home": 1.0, "board": 1.0}) == 0.0


def test_views_of_one_page_between_two_writes_render_once():
    # Four views of home per write: the first renders, the other three read the fragment.
    assert model.cold_share({"home": 4.0, WRITE: 1.0}) == pytest.approx(0.25)


def test_a_write_before_every_view_makes_every_view_cold():
    assert model.cold_share({"home": 1.0, "board": 1.0, WRITE: 3.0}) == 1.0


def test_repeats_and_cold_views_mix_into_a_visits_cost(costs):
    visit = {"home": 4.0, WRITE: 1.0}
    requests, app, pg = model.visit_cost(visit, costs)
    cold, repeat = 0.25, model.REPEAT_SHARE
    warm = 1 - cold - repeat
    assert requests == 5.0
    assert app == pytest.approx(4 * (cold * 25.71 + warm * 11.80 + repeat * 3.31) + 12.49)
    assert pg == pytest.approx(4 * (cold * 11.30 + warm * 1.61 + repeat * 0.68) + 3.00)


def test_the_primary_keeps_each_write_and_the_board_its_redirect_opens(costs):
    visit = {"home": 1.0, WRITE: 0.5, "sign in (POST)": 0.1}
    assert model.primary_pg_ms(visit, costs) == pytest.approx(0.5 * (3.00 + 6.02) + 0.1 * 3.56)
