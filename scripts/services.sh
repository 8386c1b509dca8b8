#!/usr/bin/env bash
# Private PostgreSQL and Redis for this checkout (data under .data/, own ports).
# Never touches a system instance it did not start.
#   ./scripts/services.sh up [postgres|redis]     install if missing, start, create the database
#   ./scripts/services.sh down [postgres|redis]   stop what this script started (one of them: chaos.sh's outages)
#   ./scripts/services.sh status
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PG_DATA="$DATA_DIR/postgres"
PG_RUN="$DATA_DIR/run"
REDIS_DIR="$DATA_DIR/redis"

# As root, PostgreSQL runs as the 'postgres' user, which must be able to reach the data directory.
# When the checkout lives somewhere it cannot (e.g. under /root), keep the cluster in /var/lib instead.
if [ "$(id -u)" -eq 0 ] && id postgres >/dev/null 2>&1 && ! runuser -u postgres -- test -x "$ROOT"; then
  alt="/var/lib/trafficorleans/$(printf '%s' "$ROOT" | md5sum | cut -c1-12)"
  PG_DATA="$alt/postgres"
  PG_RUN="$alt/run"
fi

install_missing() {
  local packages=()
  [ -n "$PG_BIN" ] && [ -x "$PG_BIN/postgres" ] || packages+=(postgresql)
  command -v redis-server >/dev/null || packages+=(redis-server)
  if [ "${#packages[@]}" -gt 0 ]; then
    apt_install "${packages[@]}"
    PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  fi
}

pg_up() {
  mkdir -p "$DATA_DIR" "$PG_RUN"
  if [ "$(id -u)" -eq 0 ]; then
    # The postgres user must be able to reach and own its directories.
    chown postgres:postgres "$PG_RUN"
    [ -d "$PG_DATA" ] && chown -R postgres:postgres "$PG_DATA"
    chmod o+x "$DATA_DIR" "$(dirname "$PG_DATA")"
  fi
  if [ ! -s "$PG_DATA/PG_VERSION" ]; then
    log "initdb $PG_DATA"
    mkdir -p "$PG_DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PG_DATA"
    local pwfile; pwfile="$(mktemp)"; echo "$PG_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
    as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $PG_PORT"
  else
    log "starting PostgreSQL on port $PG_PORT"
    # wal_buffers: the default (1/32 of the 128 MB shared_buffers, 4 MB) filled ~9,000 times in one push-bench process
    # (pg_stat_wal.wal_buffers_full), each time a backend writing WAL itself mid-statement; 32 MB: none.
    as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w -t 60 \
      -o "-p $PG_PORT -k $PG_RUN -c listen_addresses=localhost -c max_connections=300 -c wal_buffers=32MB -c fsync=${TRAFFIC_PG_FSYNC:-on}" start >/dev/null \
      || { tail -n 20 "$PG_DATA/server.log" >&2; die "PostgreSQL did not start (log: $PG_DATA/server.log)"; }
  fi
  if ! PGPASSWORD="$PG_PASSWORD" "$PG_BIN/psql" -h localhost -p "$PG_PORT" -U "$PG_USER" -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='$PG_DB'" | grep -q 1; then
    log "creating database $PG_DB"
    PGPASSWORD="$PG_PASSWORD" "$PG_BIN/createdb" -h localhost -p "$PG_PORT" -U "$PG_USER" "$PG_DB"
  fi
}

# True only when Redis answers PONG: an instance that answers with an error (e.g. MISCONF after its data
# directory vanished) is not usable.
redis_ok() { [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }

redis_up() {
  mkdir -p "$REDIS_DIR"
  if redis_ok; then
    log "Redis already running on port $REDIS_PORT"
    return
  fi
  if redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    die "something on port $REDIS_PORT answers but is not a healthy Redis ($(redis-cli -p "$REDIS_PORT" ping 2>&1 | head -c 120)); stop it or set TRAFFIC_REDIS_PORT"
  fi
  log "starting Redis on port $REDIS_PORT"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --daemonize yes \
    --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" --save 60 1000 --appendonly no
  for _ in $(seq 1 50); do redis_ok && return; sleep 0.1; done
  die "Redis did not start (log: $REDIS_DIR/redis.log)"
}

down() {
  local only="${1:-}"
  if [ "$only" != redis ] && [ -s "$PG_DATA/PG_VERSION" ] && as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1; then
    log "stopping PostgreSQL"; as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null
  fi
  if [ "$only" != postgres ] && [ -s "$REDIS_DIR/redis.pid" ] && kill -0 "$(cat "$REDIS_DIR/redis.pid")" 2>/dev/null; then
    log "stopping Redis"; redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$REDIS_DIR/redis.pid")"
  fi
}

status() {
  if PGPASSWORD="$PG_PASSWORD" "$PG_BIN/pg_isready" -h localhost -p "$PG_PORT" >/dev/null 2>&1; then echo "postgres: up (port $PG_PORT)"; else echo "postgres: down"; fi
  if redis_ok; then echo "redis: up (port $REDIS_PORT)"; else echo "redis: down"; fi
}

usage() { die "usage: $0 up [postgres|redis] | down [postgres|redis] | status"; }
case "${2:-}" in ''|postgres|redis) ;; *) usage ;; esac
case "${1:-up}" in
  up)
    install_missing
    [ "${2:-}" = redis ] || pg_up
    [ "${2:-}" = postgres ] || redis_up
    status ;;
  down) down "${2:-}" ;;
  status) status ;;
  *) usage ;;
esac
