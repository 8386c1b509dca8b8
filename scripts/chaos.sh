#!/usr/bin/env bash
# Faults against a running ./scripts/cluster.sh cluster, one at a time, each followed by the invariants table.
#   CLUSTER_SPEEDUP=300 ./scripts/cluster.sh up 3     (a 5-minute tick every second: 772 readings/s on the HERE roads)
#   ./scripts/chaos.sh [silo-kill] [broker-kill]      (default: both, in that order)
# silo-kill: kill -9 the silo holding the ingestion and outbox-relay leases while scripts/chaos/probe.py drives
#   GET /traffic/current and POST /route/recommend through the front door, and times the front door, the leases and
#   Orleans' death declaration.
# broker-kill: kill -9 the broker, 10 s down, restart on the same data directory.
# After each fault it waits for the pipeline to catch up (outbox empty, every reading predicted) and prints: readings,
# readings without a prediction (lost), duplicated event ids in traffic_data / predictions / on traffic-raw /
# traffic-predictions (read back with kcat), unsent outbox rows, alerts stored vs published, catch-up seconds.
# Uses the same settings (environment) as cluster.sh.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

CLUSTER_DIR="$DATA_DIR/cluster"
FRONT="http://localhost:${CLUSTER_PORT:-8080}"
SILO_PORT_BASE="${CLUSTER_SILO_PORT_BASE:-11110}"
export PGPASSWORD="$PG_PASSWORD"
PSQL=("$PG_BIN/psql" -h localhost -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB")
sql() { "${PSQL[@]}" -qtA -c "$1"; }
[ -s "$CLUSTER_DIR/cluster.env" ] || die "no cluster: run ./scripts/cluster.sh up first"
command -v kcat >/dev/null || die "kcat is needed to read the topics back (apt-get install kcat)"

# Readings up to this instant are expected to be complete; newer ones may still be on their way.
unpredicted() {
  sql "SELECT count(*) FROM traffic_data t WHERE t.\"timestamp\" <= '$1'
       AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.road_id = t.road_id AND p.\"timestamp\" = t.\"timestamp\")"
}

# Seconds until the outbox is empty and every reading stored before the fault ended is predicted (max 180 s).
# Sets CAUGHT (seconds, or a sentence) and HORIZON (the readings the table checks for predictions).
seconds_since() { python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$1"; }
catch_up() {
  local since="$1"
  HORIZON="$(sql "SELECT max(\"timestamp\") FROM traffic_data")"
  for _ in $(seq 900); do
    if [ "$(sql "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" = 0 ] && [ "$(unpredicted "$HORIZON")" = 0 ]; then
      CAUGHT="$(seconds_since "$since")"
      return
    fi
    sleep 0.2
  done
  CAUGHT="not within 180 s"
}

# Event ids on a topic: total and duplicated (kcat reads it from the beginning to the end).
topic_duplicates() {
  kcat -b "127.0.0.1:${TRAFFIC_KAFKA_PORT:-59092}" -C -t "$1" -o beginning -e -q -f '%s\n' 2>/dev/null | python3 -c '
import json, sys, collections
ids = collections.Counter()
for line in sys.stdin:
    try: ids[json.loads(line)["event_id"]] += 1
    except Exception: pass
print(sum(ids.values()), sum(n - 1 for n in ids.values() if n > 1))'
}

invariants() {
  local fault="$1" caught="$2" raw_total raw_dup pred_total pred_dup alerts_total alerts_dup
  read -r raw_total raw_dup <<<"$(topic_duplicates traffic-raw)"
  read -r pred_total pred_dup <<<"$(topic_duplicates traffic-predictions)"
  read -r alerts_total alerts_dup <<<"$(topic_duplicates traffic-notifications)"
  printf '| %s | %s | %s | %s | %s | %s | %s/%s | %s/%s | %s | %s/%s | %s |\n' "$fault" \
    "$(sql "SELECT count(*) FROM traffic_data")" \
    "$(unpredicted "$HORIZON")" \
    "$(sql "SELECT count(*) - count(DISTINCT event_id) FROM traffic_data")" \
    "$(sql "SELECT count(*) - count(DISTINCT event_id) FROM predictions")" \
    "$(sql "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" \
    "$raw_total" "$raw_dup" "$pred_total" "$pred_dup" \
    "$(sql "SELECT count(*) FROM notifications")" "$alerts_total" "$alerts_dup" "$caught"
}

leader_pid() { sql "SELECT split_part(application_name, ':', 3) FROM pg_stat_activity WHERE application_name LIKE 'leader:%/ingestion:%' LIMIT 1"; }

silo_kill() {
  local pid index
  pid="$(leader_pid)"
  [ -n "$pid" ] || die "no silo holds the ingestion lease"
  index="$(grep -l "^$pid$" "$CLUSTER_DIR"/pids/silo-*.pid | sed 's/.*silo-\([0-9]*\)\.pid/\1/')"
  log "silo-kill: silo $index (pid $pid) holds the ingestion lease"
  local t0; t0=$(date +%s.%N)
  "$ROOT/scripts/cluster.sh" kill "$index"
  PROBE_SILO_ID="silo-$index" PROBE_DEAD_PID="$pid" PROBE_SILO_PORT=$((SILO_PORT_BASE + index)) \
    python3 "$ROOT/scripts/chaos/probe.py" "$FRONT" 40 "${PSQL[@]}" > "$CLUSTER_DIR/chaos-silo-kill.json" &
  local probe=$!
  catch_up "$t0"
  wait "$probe"
  log "silo-kill probe: $(cat "$CLUSTER_DIR/chaos-silo-kill.json")"
  "$ROOT/scripts/cluster.sh" start "$index"
}

broker_kill() {
  local t0; t0=$(date +%s.%N)
  "$ROOT/scripts/cluster.sh" kill-broker
  sleep 10
  "$ROOT/scripts/cluster.sh" start-broker
  catch_up "$t0"
}

faults=("$@")
[ "${#faults[@]}" -gt 0 ] || faults=(silo-kill broker-kill)
rows=()
for fault in "${faults[@]}"; do
  case "$fault" in
    silo-kill) silo_kill ;;
    broker-kill) broker_kill ;;
    *) die "unknown fault $fault (silo-kill, broker-kill)" ;;
  esac
  rows+=("$(invariants "$fault" "$CAUGHT")")
done
echo
echo "| fault | readings | lost (no prediction) | dup traffic_data | dup predictions | outbox unsent | traffic-raw msgs/dup | traffic-predictions msgs/dup | alerts stored | alerts msgs/dup | catch-up s |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
