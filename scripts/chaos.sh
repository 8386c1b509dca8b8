#!/usr/bin/env bash
# Faults against a running ./scripts/cluster.sh cluster, one at a time, each followed by a row of the invariants table.
#   CLUSTER_SPEEDUP=780 ./scripts/cluster.sh up 3   (a 5-minute tick every 0.38 s: ~2,000 readings/s on the 772 HERE roads)
#   ./scripts/chaos.sh [FAULT ...]                    (default: all, in this order)
# Faults:
#   silo-kill          kill -9 the silo holding the ingestion and outbox-relay leases, restart it once caught up
#   silo-kill-routing  kill -9 the silo holding the RoutingGrain (the routing singleton), restart it once caught up
#   broker-kill        kill -9 the broker, 10 s down, restart on the same data directory
#   postgres-stop      PostgreSQL stopped for 60 s (./scripts/services.sh down postgres), then started again
#   redis-stop         Redis stopped for 60 s, then started again
#   rolling-restart    every silo in turn: SIGTERM, start, wait until ready
# Throughout, CHAOS_CLIENTS (6) SignalR clients stay connected to /hubs/traffic through the front door (reconnecting
# and catching up with GetAlertsSince, scripts/chaos/alert-clients.cjs), and during each fault scripts/chaos/probe.py
# drives GET /traffic/current and POST /route/recommend through the front door. After each fault it waits until the
# pipeline caught up (every reading stored so far predicted, every outbox row written so far sent; at most 300 s) and
# prints the row (scripts/chaos/invariants.py): lost and duplicated event ids in PostgreSQL and on the topics (read back
# with kcat), unsent outbox rows, alerts stored / published, alerts a SignalR client missed, catch-up seconds (from the
# kill, or from the end of an outage), HTTP error count and p99 during the fault.
# Uses the same settings (environment) as cluster.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

CLUSTER_DIR="$DATA_DIR/cluster"
FRONT="http://localhost:${CLUSTER_PORT:-8080}"
SILO_PORT_BASE="${CLUSTER_SILO_PORT_BASE:-11110}"
OUTAGE_SECONDS="${CHAOS_OUTAGE_SECONDS:-60}"
export PGPASSWORD="$PG_PASSWORD"
PSQL=("$PG_BIN/psql" -h localhost -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB")
sql() { "${PSQL[@]}" -qtA -c "$1"; }
[ -s "$CLUSTER_DIR/cluster.env" ] || die "no cluster: run ./scripts/cluster.sh up first"
command -v kcat >/dev/null || die "kcat is needed to read the topics back (apt-get install kcat)"
[ -d "$ROOT/web/node_modules/@microsoft/signalr" ] || npm ci --prefix "$ROOT/web" --no-audit --no-fund --loglevel=error >/dev/null
SILOS="$(grep '^SILOS=' "$CLUSTER_DIR/cluster.env" | cut -d= -f2)"
SPEEDUP="$(grep '^SPEEDUP=' "$CLUSTER_DIR/cluster.env" | cut -d= -f2)"
# The clients' catch-up starts this many traffic-clock minutes before the newest alert they saw: partitions lag each
# other by up to a minute of wall time after a fault, which at a 780x clock is 13 traffic hours (web/src/alertCatchUp.js
# uses 15 minutes, for the real 5-minute cadence and up.sh's demo speed-up).
export ALERT_CATCH_UP_MARGIN_MINUTES="${ALERT_CATCH_UP_MARGIN_MINUTES:-$(( ${SPEEDUP:-1} > 30 ? ${SPEEDUP:-1} : 30 ))}"

seconds_since() { python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$1"; }

# Waits until every reading stored up to now is predicted and every outbox row written up to now is sent; sets CAUGHT
# (seconds since $1, or a sentence), HORIZON (newest reading then) and HORIZON_AT (the server's time then).
catch_up() {
  local since="$1" deadline=$((SECONDS + 300))
  until HORIZON="$(sql "SELECT max(\"timestamp\") FROM traffic_data" 2>/dev/null)" && [ -n "$HORIZON" ]; do sleep 0.5; done
  HORIZON_AT="$(sql "SELECT now()")"
  # One scan of the whole history finds the oldest reading not yet predicted; the polls below look from there only,
  # so that checking every 0.2 s does not itself load the machine whose recovery it times.
  local unpredicted="NOT EXISTS (SELECT 1 FROM predictions p WHERE p.road_id = t.road_id AND p.\"timestamp\" = t.\"timestamp\")" floor=""
  until floor="$(sql "SELECT coalesce(min(t.\"timestamp\"), '$HORIZON') FROM traffic_data t
      WHERE t.\"timestamp\" <= '$HORIZON' AND $unpredicted" 2>/dev/null)" && [ -n "$floor" ]; do sleep 0.5; done
  while [ "$SECONDS" -lt "$deadline" ]; do
    if [ "$(sql "SELECT (SELECT count(*) FROM outbox WHERE sent_at IS NULL AND created_at <= '$HORIZON_AT')
        + (SELECT count(*) FROM traffic_data t WHERE t.\"timestamp\" BETWEEN '$floor' AND '$HORIZON' AND $unpredicted)" 2>/dev/null)" = 0 ]; then
      CAUGHT="$(seconds_since "$since")"
      return
    fi
    sleep 0.2
  done
  CAUGHT="not within 300 s"
}

# HTTP through the front door for as long as a fault lasts (until probe_stop); extra arguments: PROBE_* settings.
probe_start() {
  PROBE_FILE="$CLUSTER_DIR/chaos-$1.json"; shift
  env "$@" python3 "$ROOT/scripts/chaos/probe.py" "$FRONT" 900 "${PSQL[@]}" > "$PROBE_FILE" &
  PROBE=$!
}
probe_stop() { kill -TERM "$PROBE" 2>/dev/null || true; wait "$PROBE" || true; log "probe: $(cat "$PROBE_FILE")"; }

silo_of_pid() { grep -l "^$1$" "$CLUSTER_DIR"/pids/silo-*.pid | sed 's/.*silo-\([0-9]*\)\.pid/\1/'; }
lease_holder() { sql "SELECT split_part(application_name, ':', 3) FROM pg_stat_activity WHERE application_name LIKE 'leader:%/ingestion:%' LIMIT 1"; }

# The live silo whose log announced the RoutingGrain's activation last (log lines carry UTC timestamps).
routing_holder() {
  local i stamp
  for i in $(seq "$SILOS"); do
    kill -0 "$(cat "$CLUSTER_DIR/pids/silo-$i.pid" 2>/dev/null)" 2>/dev/null || continue
    stamp="$(grep -B1 "Routing grain active" "$CLUSTER_DIR/logs/silo-$i.log" | grep -oE '^[0-9]{4}-[0-9-]+T[0-9:.]+Z' | tail -n 1 || true)"
    # A line without a timestamp (a silo started before cluster.sh stamped its logs) sorts first.
    grep -q "Routing grain active" "$CLUSTER_DIR/logs/silo-$i.log" && echo "${stamp:-0} $i"
  done | sort | tail -n 1 | cut -d' ' -f2
}

kill_silo() {
  local index="$1" name="$2" pid t0
  [ -n "$index" ] || die "$name: no silo found to kill"
  pid="$(cat "$CLUSTER_DIR/pids/silo-$index.pid")"
  log "$name: kill -9 silo $index (pid $pid)"
  t0=$(date +%s.%N)
  "$ROOT/scripts/cluster.sh" kill "$index"
  probe_start "$name" PROBE_SILO_ID="silo-$index" PROBE_DEAD_PID="$pid" PROBE_SILO_PORT=$((SILO_PORT_BASE + index))
  catch_up "$t0"
  sleep 5 # the probe keeps measuring a while after the catch-up
  probe_stop
  "$ROOT/scripts/cluster.sh" start "$index"
}

broker_kill() {
  probe_start broker-kill
  "$ROOT/scripts/cluster.sh" kill-broker
  sleep 10
  "$ROOT/scripts/cluster.sh" start-broker
  catch_up "$(date +%s.%N)"
  probe_stop
}

# PostgreSQL or Redis stopped for OUTAGE_SECONDS; catch-up counts from its restart.
outage() {
  local server="$1"
  probe_start "$server-stop"
  log "$server-stop: stopping $server for $OUTAGE_SECONDS s"
  "$ROOT/scripts/services.sh" down "$server"
  sleep "$OUTAGE_SECONDS"
  "$ROOT/scripts/services.sh" up "$server" >/dev/null
  catch_up "$(date +%s.%N)"
  probe_stop
}

rolling_restart() {
  local i
  probe_start rolling-restart
  for i in $(seq "$SILOS"); do "$ROOT/scripts/cluster.sh" restart "$i"; done
  catch_up "$(date +%s.%N)"
  probe_stop
}

# invariants.py keeps what it read of the topics between rows; a new chaos run starts from the logs' beginning.
rm -f "$CLUSTER_DIR"/chaos-topics-*.pickle
node "$ROOT/scripts/chaos/alert-clients.cjs" "$FRONT" "${CHAOS_CLIENTS:-6}" > "$CLUSTER_DIR/chaos-alert-clients.jsonl" &
CLIENTS=$!
trap 'kill "$CLIENTS" 2>/dev/null || true' EXIT
sleep 10 # the clients connect and receive their first alerts

faults=("$@")
[ "${#faults[@]}" -gt 0 ] || faults=(silo-kill silo-kill-routing silo-kill broker-kill postgres-stop redis-stop rolling-restart)
rows=()
for fault in "${faults[@]}"; do
  PROBE_FILE=/dev/null
  case "$fault" in
    silo-kill) kill_silo "$(silo_of_pid "$(lease_holder)")" silo-kill ;;
    silo-kill-routing) kill_silo "$(routing_holder)" silo-kill-routing ;;
    broker-kill) broker_kill ;;
    postgres-stop) outage postgres ;;
    redis-stop) outage redis ;;
    rolling-restart) rolling_restart ;;
    *) die "unknown fault $fault (silo-kill, silo-kill-routing, broker-kill, postgres-stop, redis-stop, rolling-restart)" ;;
  esac
  sleep 5 # alerts of the last predictions reach the clients
  rows+=("$(python3 "$ROOT/scripts/chaos/invariants.py" "$fault" "$CAUGHT" "$HORIZON" "$HORIZON_AT" "$PROBE_FILE" \
    "$CLUSTER_DIR/chaos-alert-clients.jsonl" "127.0.0.1:$KAFKA_PORT" "${PSQL[@]}")")
  echo "${rows[-1]}"
done
echo
python3 "$ROOT/scripts/chaos/invariants.py" --header
printf '%s\n' "${rows[@]}"
