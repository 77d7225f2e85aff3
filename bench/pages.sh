#!/usr/bin/env bash
# Page benchmark: every main page against a bare-Django ceiling, at small and large data,
# in three modes, with the app's and PostgreSQL's CPU per request.
#
#   bench/pages.sh                 # both sizes (small is seeded here if empty)
#   BENCH_SIZES=small bench/pages.sh
#   BENCH_DURATION=10s BENCH_ROUNDS=5 bench/pages.sh
#   BENCH_MODES="cold repeat" bench/pages.sh
#
# Modes (issue 16):
#   cold         every request renders everything: a server with the fragment cache off
#                (STAFFROOM_FRAGMENT_CACHE=0, a cache that never hits), no If-None-Match.
#   school-warm  a colleague has seen the page since the last change, this person has not:
#                the fragment cache on (Redis) and warm, each request from the next of
#                BENCH_PEOPLE different colleagues' sessions (moderators for the
#                dashboard), none sending an ETag.
#   repeat       one person comes back to a page that has not changed: If-None-Match
#                with the page's ETag, answered 304 (conditional GET).
# The ceiling is measured in every mode, in the same run, the same way.
#
# CPU per request, from /proc (bench/cpu.py): the gunicorn master and workers ("app"),
# and every PostgreSQL backend of the benchmark's database ("PG"), before and after
# each wrk run, divided by the requests wrk made.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres) with the databases
# ${BENCH_DB_PREFIX}small and ${BENCH_DB_PREFIX}large (default prefix staffroom_bench_),
# and Redis; seed the large one first:
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/staffroom_bench_large \
#     .venv/bin/python manage.py migrate && \
#     .venv/bin/python manage.py seed_scale --schools 500 --staff-per-school 80 --weeks 150
# It starts two gunicorns per size (fragments off / on; 2 workers each, DEBUG off,
# loopback only), then runs wrk (2 threads, 8 connections) on each page of bench/pages.py
# in each variant back to back, for a few rounds; the median of the rounds goes to
# bench/out/<mode>-<size>.tsv, then each mode's table is printed with the targets.
# Everything stops by itself (wrk is time-bounded; the servers are killed on exit).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
PORT=${BENCH_PORT:-8765}
DURATION=${BENCH_DURATION:-5s}
ROUNDS=${BENCH_ROUNDS:-3}
SIZES=${BENCH_SIZES:-small large}
MODES=${BENCH_MODES:-cold school-warm repeat}
PEOPLE=${BENCH_PEOPLE:-40}
REDIS=${BENCH_REDIS:-redis://127.0.0.1:6379/15}
PG=${BENCH_PG:-postgres://postgres@127.0.0.1:5432}
DB_PREFIX=${BENCH_DB_PREFIX:-staffroom_bench_}
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
export STAFFROOM_FRAGMENT_STATS=1
# Keep every database connection for the whole run: bench/cpu.py counts the CPU of the
# backends alive at each snapshot, and one that closed mid-run would take its CPU away.
export DATABASE_CONN_MAX_AGE=3600
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

# One gunicorn per database and fragment setting (DATABASE_URL as exported when started).
declare -A SERVER_PID_OF=()
start_server() {
  local port=$1 fragments=$2
  REDIS_URL=$REDIS STAFFROOM_FRAGMENT_CACHE=$fragments .venv/bin/gunicorn hub.wsgi --workers 2 \
    --bind "127.0.0.1:$port" --log-level warning --access-logfile /dev/null &
  SERVER_PIDS+=($!)
  SERVER_PID_OF[$port]=$!
  for _ in $(seq 1 60); do
    curl -s -o /dev/null "http://127.0.0.1:$port/accounts/login/" && return 0
    sleep 0.5
  done
  echo "gunicorn did not start on port $port" >&2
  exit 1
}

# wrk's summary as "RESULT rps median_ms p99_ms requests 4xx/5xx socket_errors". With a
# file of cookies as its argument, each request is sent with the next (school-warm).
cat >"$OUT/report.lua" <<'LUA'
local cookies = {}
local sent = 0
init = function(args)
  if args[1] then
    for line in io.lines(args[1]) do cookies[#cookies + 1] = line end
  end
end
request = function()
  if #cookies == 0 then return wrk.request() end
  sent = sent + 1
  return wrk.format(nil, nil, {Cookie = cookies[(sent % #cookies) + 1]})
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT %.1f %.2f %.2f %d %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status, errors))
end
LUA

# The wrk arguments of a page in a mode (after the URL): headers and the script's argument.
wrk_args() {
  local mode=$1 size=$2 name=$3 url=$4
  local cookie="Cookie: ${COOKIE_OF[$size]}"
  case $mode in
    cold) printf '%s\n' -H "$cookie" ;;
    school-warm)
      local people="$OUT/people-$size.txt"
      [[ $name == dashboard ]] && people="$OUT/moderators-$size.txt"
      printf '%s\n' -- "$people" ;;
    repeat)
      local etag
      etag=$(curl -s -D - -o /dev/null -H "$cookie" "$url" | tr -d '\r' | awk -F': ' 'tolower($1) == "etag" {print $2}')
      printf '%s\n' -H "$cookie"
      [[ -n $etag ]] && printf '%s\n' -H "If-None-Match: $etag"
      ;;
  esac
}

# Prepare every size and start its servers, so that each page is measured in every
# variant back to back: this machine is shared, and its load drifts.
declare -A PORT_OF=() COOKIE_OF=() QUERIES=() PATH_OF=() DB_OF=()
PAGE_NAMES=()
n=0
for size in $SIZES; do
  DB_OF[$size]="$DB_PREFIX$size"
  export DATABASE_URL="$PG/${DB_OF[$size]}"
  $PY manage.py migrate -v0
  if ! $PY bench/pages.py paths >/dev/null 2>&1; then
    if [[ $size == small ]]; then
      $PY manage.py seed_scale "${SMALL_SEED[@]}"
    else
      echo "${DB_OF[$size]} has no scale data: seed it first (see the top of $0)." >&2
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
  $PY bench/pages.py cookies "$PEOPLE" >"$OUT/people-$size.txt"
  $PY bench/pages.py cookies "$PEOPLE" --moderators >"$OUT/moderators-$size.txt"
  while read -r name status cold warm repeat; do
    QUERIES[cold/$size/$name]=$cold
    QUERIES[school-warm/$size/$name]=$warm
    QUERIES[repeat/$size/$name]=$repeat
    [[ $status == 200 ]] || { echo "$name answered $status in the test client" >&2; exit 1; }
  done < <($PY bench/pages.py queries)
  PORT_OF[cold/$size]=$((PORT + n))
  start_server "${PORT_OF[cold/$size]}" 0
  PORT_OF[warm/$size]=$((PORT + n + 1))
  start_server "${PORT_OF[warm/$size]}" 1
  n=$((n + 2))
done
redis-cli -u "$REDIS" flushdb >/dev/null 2>&1 || true

echo
echo "wrk -t2 -c8 -d$DURATION per page, size and mode, $ROUNDS rounds, interleaved; median of rounds."
: >"$OUT/rounds.tsv"
for round in $(seq 1 "$ROUNDS"); do
  for name in "${PAGE_NAMES[@]}"; do
    for mode in $MODES; do
      for size in $SIZES; do
        server=warm
        [[ $mode == cold ]] && server=cold
        port=${PORT_OF[$server/$size]}
        url="http://127.0.0.1:$port${PATH_OF[$size/$name]}"
        mapfile -t args < <(wrk_args "$mode" "$size" "$name" "$url")
        if ((round == 1)); then
          code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: ${COOKIE_OF[$size]}" "$url")
          [[ $code == 200 ]] || { echo "$mode $size $name ($url) answered $code" >&2; exit 1; }
          wrk -t2 -c8 -d1s -s "$OUT/report.lua" "$url" "${args[@]}" >/dev/null # warm up
          seen=$(curl -s -D - -o /dev/null -H "Cookie: ${COOKIE_OF[$size]}" "$url" |
            tr -d '\r' | awk -F': ' 'tolower($1) == "x-staffroom-fragments" {print $2}')
          echo "round 1 $mode $size $name: fragments of a plain request after warm-up: ${seen:-none}"
        fi
        read -r app_before pg_before < <($PY bench/cpu.py "${SERVER_PID_OF[$port]}" --db "${DB_OF[$size]}")
        read -r _ rps median p99 requests bad errors < <(
          wrk -t2 -c8 -d"$DURATION" --timeout 10s -s "$OUT/report.lua" "$url" "${args[@]}" |
            grep '^RESULT'
        )
        read -r app_after pg_after < <($PY bench/cpu.py "${SERVER_PID_OF[$port]}" --db "${DB_OF[$size]}")
        read -r app_ms pg_ms < <(awk -v a="$app_before" -v b="$app_after" -v c="$pg_before" \
          -v d="$pg_after" -v r="$requests" 'BEGIN {printf "%.3f %.3f\n", (b - a) * 1000 / r, (d - c) * 1000 / r}')
        if ((bad + errors > 0)); then
          echo "$mode $size $name: $bad 4xx/5xx answers and $errors socket errors" >&2
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$mode-$size" "$name" "$rps" "$median" \
          "$p99" "$app_ms" "$pg_ms" >>"$OUT/rounds.tsv"
        printf 'round %s %-11s %-6s %-10s %8.1f req/s %7.1f ms median %7.1f ms p99 %6.2f ms app %6.2f ms PG\n' \
          "$round" "$mode" "$size" "$name" "$rps" "$median" "$p99" "$app_ms" "$pg_ms"
      done
    done
  done
done
stop_servers

for size in $SIZES; do
  DATABASE_URL="$PG/${DB_OF[$size]}" STAFFROOM_FRAGMENT_CACHE=0 $PY bench/pages.py cost >"$OUT/$size.cost.tsv"
done

for mode in $MODES; do
  files=()
  for size in $SIZES; do
    : >"$OUT/$mode-$size.tsv"
    for name in "${PAGE_NAMES[@]}"; do
      printf '%s\t%s\t%s\n' "$name" \
        "$(awk -F'\t' -v s="$mode-$size" -v p="$name" '$2 == s && $3 == p {print $4, $5, $6, $7, $8}' \
          "$OUT/rounds.tsv" | $PY -c 'import statistics, sys; rows = [list(map(float, line.split())) for line in sys.stdin]; print("\t".join(f"{statistics.median(col):.2f}" for col in zip(*rows)))')" \
        "${QUERIES[$mode/$size/$name]}" >>"$OUT/$mode-$size.tsv"
    done
    files+=("$OUT/$mode-$size.tsv")
  done
  echo
  echo "== $mode =="
  $PY bench/pages.py compare "$mode" "${files[@]}"
done
if [[ -f $OUT/small.cost.tsv && -f $OUT/large.cost.tsv ]]; then
  $PY bench/pages.py compare-costs "$OUT/small.cost.tsv" "$OUT/large.cost.tsv"
fi
