#!/usr/bin/env bash
# Page benchmark: every main page against a bare-Django ceiling, at small and large data.
#
#   bench/pages.sh                 # both sizes (small is seeded here if empty)
#   BENCH_SIZES=small bench/pages.sh
#   BENCH_DURATION=10s BENCH_ROUNDS=5 bench/pages.sh
#   BENCH_CACHE_MODES=uncached bench/pages.sh   # only without the page cache
#
# Each page is measured twice: "cached", with the page cache on (Redis, as in
# production; wrk repeats one person's visits, so after the first request of each
# minute they are served from the cache), and "uncached", with it off (what every
# first visit, and every visit after a change at the school, costs).
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) with the databases
# staffroom_bench_small and staffroom_bench_large; seed the large one first:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/staffroom_bench_large \
#     .venv/bin/python manage.py migrate && \
#     .venv/bin/python manage.py seed_scale --schools 500 --staff-per-school 80 --weeks 150
# It starts one gunicorn per size and mode (2 workers each, DEBUG off, loopback only),
# then runs wrk (2 threads, 8 connections) on each page of bench/pages.py in each
# variant back to back, for a few rounds; the median of the rounds goes to
# bench/out/<mode>-<size>.tsv with the page's query count (as rendered), then the
# comparison is printed per mode.
# Everything stops by itself (wrk is time-bounded; the servers are killed on exit).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${BENCH_PORT:-8765}
DURATION=${BENCH_DURATION:-5s}
ROUNDS=${BENCH_ROUNDS:-3}
SIZES=${BENCH_SIZES:-small large}
MODES=${BENCH_CACHE_MODES:-cached uncached}
REDIS=${BENCH_REDIS:-redis://127.0.0.1:6379/15}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
SMALL_SEED=(--schools 5 --staff-per-school 80 --weeks 10)
OUT=bench/out
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
  echo "Installing wrk from Debian's packages..."
  apt-get install -y wrk >/dev/null
fi

# Production settings, made usable over plain http on loopback: no https redirect;
# wrk sends the session cookie as a header, so its Secure flag does not matter.
export DJANGO_DEBUG=0
DJANGO_SECRET_KEY="bench-throwaway-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export DJANGO_SECRET_KEY
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=0
export DJANGO_LOG_LEVEL=WARNING
export STAFFROOM_STATIC_STORAGE=django.contrib.staticfiles.storage.StaticFilesStorage
export STAFFROOM_BENCH=1
# The in-process steps (query counts, app CPU) always measure the page rendered.
export STAFFROOM_PAGE_CACHE=0
export PYTHONWARNINGS=ignore

SERVER_PIDS=()
stop_servers() {
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
trap stop_servers EXIT

# One gunicorn per database and mode (DATABASE_URL as exported when started).
start_server() {
  local port=$1 mode=$2
  local cache=0
  [[ $mode == cached ]] && cache=1
  REDIS_URL=$REDIS STAFFROOM_PAGE_CACHE=$cache .venv/bin/gunicorn hub.wsgi --workers 2 --bind "127.0.0.1:$port" \
    --log-level warning --access-logfile /dev/null &
  SERVER_PIDS+=($!)
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$port/accounts/login/" && return 0
    sleep 0.5
  done
  echo "gunicorn did not start on port $port" >&2
  exit 1
}

# wrk's summary as "rps median_ms p99_ms non_2xx_3xx errors".
cat >"$OUT/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, errors))
end
LUA

# Prepare every size and start one server per size and mode, so that each page is
# measured in every variant back to back: this machine is shared, and its load drifts.
declare -A PORT_OF=() COOKIE_OF=() QUERIES=() PATH_OF=()
PAGE_NAMES=()
n=0
for size in $SIZES; do
  export DATABASE_URL="$PG/staffroom_bench_$size"
  $PY manage.py migrate -v0
  if ! $PY bench/pages.py paths >/dev/null 2>&1; then
    if [[ $size == small ]]; then
      $PY manage.py seed_scale "${SMALL_SEED[@]}"
    else
      echo "staffroom_bench_$size has no scale data: seed it first (see the top of $0)." >&2
      exit 1
    fi
  fi
  $PY manage.py collectstatic --noinput -v0
  echo "$size data: $($PY manage.py shell -v0 -c 'from hub.models import School, Staff; print(School.objects.count(), "schools,", Staff.objects.count(), "staff")')"
  PAGE_NAMES=()
  while read -r name path; do
    PAGE_NAMES+=("$name")
    PATH_OF[$size/$name]=$path
  done < <($PY bench/pages.py paths)
  COOKIE_OF[$size]=$($PY bench/pages.py cookie)
  while read -r name status count; do
    QUERIES[$size/$name]=$count
    [[ $status == 200 ]] || { echo "$name answered $status in the test client" >&2; exit 1; }
  done < <($PY bench/pages.py queries)
  for mode in $MODES; do
    PORT_OF[$mode/$size]=$((PORT + n))
    start_server "${PORT_OF[$mode/$size]}" "$mode"
    n=$((n + 1))
  done
done

echo
echo "wrk -t2 -c8 -d$DURATION per page, size and mode, $ROUNDS rounds, interleaved; median of rounds."
: >"$OUT/rounds.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${PAGE_NAMES[@]}"; do
    for mode in $MODES; do
      for size in $SIZES; do
        url="http://127.0.0.1:${PORT_OF[$mode/$size]}${PATH_OF[$size/$name]}"
        cookie="Cookie: ${COOKIE_OF[$size]}"
        if ((round == 1)); then
          code=$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$url")
          [[ $code == 200 ]] || { echo "$mode $size $name ($url) answered $code" >&2; exit 1; }
          wrk -t2 -c8 -d1s -H "$cookie" "$url" >/dev/null # warm up
        fi
        read -r _ rps median p99 bad errors < <(
          wrk -t2 -c8 -d"$DURATION" --timeout 10s -H "$cookie" -s "$OUT/report.lua" "$url" |
            grep '^RESULT'
        )
        if ((bad + errors > 0)); then
          echo "$mode $size $name: $bad non-2xx answers and $errors socket errors" >&2
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode-$size" "$name" "$rps" "$median" \
          "$p99" >>"$OUT/rounds.tsv"
        printf 'round %s %-8s %-6s %-10s %8.1f req/s %8.1f ms median %8.1f ms p99\n' \
          "$round" "$mode" "$size" "$name" "$rps" "$median" "$p99"
      done
    done
  done
done
stop_servers

for size in $SIZES; do
  DATABASE_URL="$PG/staffroom_bench_$size" $PY bench/pages.py cost >"$OUT/$size.cost.tsv"
done

for mode in $MODES; do
  for size in $SIZES; do
    : >"$OUT/$mode-$size.tsv"
    for name in "${PAGE_NAMES[@]}"; do
      printf '%s\t%s\t%s\n' "$name" \
        "$(awk -F'\t' -v s="$mode-$size" -v p="$name" '$2 == s && $3 == p {print $4, $5, $6}' \
          "$OUT/rounds.tsv" | $PY -c 'import statistics, sys; rows = [list(map(float, line.split())) for line in sys.stdin]; print("\t".join(f"{statistics.median(col):.2f}" for col in zip(*rows)))')" \
        "${QUERIES[$size/$name]}" >>"$OUT/$mode-$size.tsv"
    done
  done
  if [[ -f $OUT/$mode-small.tsv && -f $OUT/$mode-large.tsv ]]; then
    echo
    echo "== $mode =="
    $PY bench/pages.py compare "$OUT/$mode-small.tsv" "$OUT/$mode-large.tsv"
  fi
done
