#!/usr/bin/env bash
# A throwaway PostgreSQL primary and its streaming standby, for the replica-routing
# tests (tests/replica/) and for trying DATABASE_REPLICA_URL by hand.
#
#   bench/replica_pair.sh start   # create (first time) and start both; prints the URLs
#   bench/replica_pair.sh stop    # stop both and drop them: nothing is kept
#   bench/replica_pair.sh urls    # the DATABASE_URL and DATABASE_REPLICA_URL to export
#
# Debian's cluster tools: `pg_createcluster` makes the primary, a replication user
# copies it with `pg_basebackup -R` (which writes the standby's connection to the
# primary and its standby.signal) into a second cluster, and both run on ports of
# their own (REPLICA_PAIR_PORTS, default "5441 5442"), trusting loopback only.
# Durability is off: it holds nothing worth keeping.
set -euo pipefail

VERSION="${REPLICA_PAIR_PG_VERSION:-15}"
read -r PRIMARY_PORT STANDBY_PORT <<<"${REPLICA_PAIR_PORTS:-5441 5442}"
PRIMARY="staffroom_primary_${PRIMARY_PORT}"
STANDBY="staffroom_standby_${STANDBY_PORT}"
DATABASE="${REPLICA_PAIR_DATABASE:-staffroom}"
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

exists() { pg_lsclusters -h | awk '{print $1 "/" $2}' | grep -x "$VERSION/$1" >/dev/null; }
online() { pg_lsclusters -h | awk '$4 ~ /^online/ {print $1 "/" $2}' | grep -x "$VERSION/$1" >/dev/null; }

create_pair() {
  # A cluster of its own, small, trusting only local and loopback connections
  # (initdb's defaults for these include replication connections).
  $SUDO pg_createcluster "$VERSION" "$PRIMARY" -p "$PRIMARY_PORT" --start-conf=manual \
    -o fsync=off -o full_page_writes=off \
    -o synchronous_commit=off -o shared_buffers=32MB -o max_connections=60 \
    -o wal_level=replica -o max_wal_senders=4 -o ssl=off \
    -- --auth-local=trust --auth-host=trust >/dev/null
  $SUDO pg_ctlcluster "$VERSION" "$PRIMARY" start
  as_postgres psql -q -p "$PRIMARY_PORT" -d postgres \
    -c "CREATE ROLE replicator WITH REPLICATION LOGIN" \
    -c "CREATE DATABASE \"$DATABASE\""

  # The standby: its own configuration (port), the primary's data, kept in step.
  $SUDO pg_createcluster "$VERSION" "$STANDBY" -p "$STANDBY_PORT" --start-conf=manual \
    -o fsync=off -o shared_buffers=32MB \
    -o max_connections=60 -o hot_standby=on -o ssl=off \
    -- --auth-local=trust --auth-host=trust >/dev/null
  local data="/var/lib/postgresql/$VERSION/$STANDBY"
  as_postgres find "$data" -mindepth 1 -delete
  as_postgres pg_basebackup --host 127.0.0.1 --port "$PRIMARY_PORT" --username replicator \
    --pgdata "$data" --wal-method stream --write-recovery-conf --checkpoint fast
}

start() {
  exists "$PRIMARY" || create_pair
  online "$PRIMARY" || $SUDO pg_ctlcluster "$VERSION" "$PRIMARY" start
  online "$STANDBY" || $SUDO pg_ctlcluster "$VERSION" "$STANDBY" start
  # Ready when the standby answers as a standby and the primary streams to it.
  for _ in $(seq 100); do
    if [ "$(as_postgres psql -tAq -p "$STANDBY_PORT" -d postgres -c 'SELECT pg_is_in_recovery()' 2>/dev/null)" = t ] &&
      [ "$(as_postgres psql -tAq -p "$PRIMARY_PORT" -d postgres -c 'SELECT count(*) FROM pg_stat_replication' 2>/dev/null)" = 1 ]; then
      urls
      return 0
    fi
    sleep 0.2
  done
  echo "The standby on port $STANDBY_PORT did not start streaming from the primary." >&2
  return 1
}

stop() {
  for cluster in "$STANDBY" "$PRIMARY"; do
    if exists "$cluster"; then $SUDO pg_dropcluster --stop "$VERSION" "$cluster"; fi
  done
}

urls() {
  echo "DATABASE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DATABASE"
  echo "DATABASE_REPLICA_URL=postgres://postgres@127.0.0.1:$STANDBY_PORT/$DATABASE"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  urls) urls ;;
  *)
    echo "usage: $0 start|stop|urls" >&2
    exit 2
    ;;
esac
