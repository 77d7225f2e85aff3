#!/usr/bin/env bash
# Page benchmark: every main page against a bare-Django ceiling, at small and large data.
#
#   bench/pages.sh                 # both sizes (small is seeded here if empty)
#   BENCH_SIZES=small bench/pages.sh
#   BENCH_DURATION=5s bench/pages.sh
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) with the databases
# staffroom_bench_small and staffroom_bench_large; seed the large one first:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/staffroom_bench_large \
#     .venv/bin/python manage.py migrate && \
#     .venv/bin/python manage.py seed_scale --schools 500 --staff-per-school 80 --weeks 150
# For each size it starts gunicorn (2 workers, DEBUG off, loopback only), runs wrk
# (2 threads, 8 connections) on each page of bench/pages.py, stops gunicorn, prints
# query counts, and writes bench/out/<size>.tsv; then prints the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${BENCH_PORT:-8765}
DURATION=${BENCH_DURATION:-10s}
SIZES=${BENCH_SIZES:-small large}
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
export PYTHONWARNINGS=ignore

GUNICORN_PID=""
stop_server() {
  if [[ -n "$GUNICORN_PID" ]]; then
    kill "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
    GUNICORN_PID=""
  fi
}
trap stop_server EXIT

start_server() {
  .venv/bin/gunicorn hub.wsgi --workers 2 --bind "127.0.0.1:$PORT" \
    --log-level warning --access-logfile /dev/null &
  GUNICORN_PID=$!
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$PORT/accounts/login/" && return 0
    sleep 0.5
  done
  echo "gunicorn did not start" >&2
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
  echo
  echo "=== $size data: $($PY manage.py shell -c 'from hub.models import School, Staff; print(School.objects.count(), "schools,", Staff.objects.count(), "staff")')"
  mapfile -t PAGES < <($PY bench/pages.py paths)
  COOKIE=$($PY bench/pages.py cookie)
  declare -A QUERIES=()
  while read -r name status count; do
    QUERIES[$name]=$count
    [[ $status == 200 ]] || { echo "$name answered $status in the test client" >&2; exit 1; }
  done < <($PY bench/pages.py queries)

  start_server
  : >"$OUT/$size.tsv"
  printf '%-10s %-22s %8s %9s %9s %8s\n' page path req/s median p99 queries
  for line in "${PAGES[@]}"; do
    read -r name path <<<"$line"
    url="http://127.0.0.1:$PORT$path"
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$url")
    [[ $code == 200 ]] || { echo "$name ($path) answered $code, not 200" >&2; exit 1; }
    wrk -t2 -c8 -d2s -H "Cookie: $COOKIE" "$url" >/dev/null  # warm up
    read -r _ rps median p99 bad errors < <(
      wrk -t2 -c8 -d"$DURATION" --timeout 10s -H "Cookie: $COOKIE" -s "$OUT/report.lua" "$url" |
        grep '^RESULT'
    )
    if ((bad + errors > 0)); then
      echo "$name: $bad non-2xx answers and $errors socket errors" >&2
    fi
    printf '%-10s %-22s %8.1f %7.1fms %7.1fms %8s\n' "$name" "$path" "$rps" "$median" "$p99" \
      "${QUERIES[$name]}"
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$rps" "$median" "$p99" "${QUERIES[$name]}" >>"$OUT/$size.tsv"
  done
  stop_server
done

if [[ -f $OUT/small.tsv && -f $OUT/large.tsv ]]; then
  echo
  $PY bench/pages.py compare "$OUT/small.tsv" "$OUT/large.tsv"
fi
