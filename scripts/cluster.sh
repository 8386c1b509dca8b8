#!/usr/bin/env bash
# A cluster of silos on this machine: N silo processes (Orleans `Cluster` profile, membership in PostgreSQL),
# the project's Kafka-protocol broker as a process of its own, and the front door (frontdoor/, YARP) on one port.
#   ./scripts/cluster.sh up [N]     build, start the broker, N silos (default 3) and the front door
#   ./scripts/cluster.sh status     processes, readiness, the front door's view, leaders, Orleans membership
#   ./scripts/cluster.sh kill I     kill -9 silo I (what a crash looks like)
#   ./scripts/cluster.sh start I    start silo I again (same ports, same settings)
#   ./scripts/cluster.sh restart I  stop silo I gracefully (SIGTERM), start it again, wait until it is ready
#   ./scripts/cluster.sh kill-broker | start-broker
#   ./scripts/cluster.sh down       stop everything cluster.sh started (SIGTERM, then -9 after 60 s)
# Pids and logs: .data/cluster/{pids,logs}. Settings (environment): CLUSTER_PORT (front door, 8080), CLUSTER_HTTP_BASE
# (silo I listens on CLUSTER_HTTP_BASE+I, default 8080), CLUSTER_SILO_PORT_BASE (11110), CLUSTER_GATEWAY_BASE (29999),
# TRAFFIC_KAFKA_PORT (59092), CLUSTER_SPEEDUP (simulator clock speed-up, 1), CLUSTER_CONFIGURATION (Release),
# CLUSTER_REDIS_DB (0), CLUSTER_PG_POOL_SIZE (40, per connection pool of a silo), TRAFFIC_PG_DB / TRAFFIC_PG_PORT / TRAFFIC_REDIS_PORT as for the other scripts.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

CLUSTER_DIR="$DATA_DIR/cluster"
PIDS="$CLUSTER_DIR/pids"
LOGS="$CLUSTER_DIR/logs"
SETTINGS="$CLUSTER_DIR/cluster.env"
FRONT_PORT="${CLUSTER_PORT:-8080}"
HTTP_BASE="${CLUSTER_HTTP_BASE:-8080}"
SILO_PORT_BASE="${CLUSTER_SILO_PORT_BASE:-11110}"
GATEWAY_BASE="${CLUSTER_GATEWAY_BASE:-29999}"
CONFIGURATION="${CLUSTER_CONFIGURATION:-Release}"
BIN="bin/$CONFIGURATION/net10.0"
SILO_DLL="$ROOT/silo/$BIN/TrafficOrleans.Silo.dll"
BROKER_DLL="$ROOT/kafka/TrafficOrleans.KafkaBroker.Host/$BIN/TrafficOrleans.KafkaBroker.Host.dll"
FRONT_DLL="$ROOT/frontdoor/TrafficOrleans.FrontDoor/$BIN/TrafficOrleans.FrontDoor.dll"
# The product's Redis database by default; another one keeps a trial cluster apart from a running ./scripts/up.sh.
export ConnectionStrings__Redis="localhost:$REDIS_PORT,defaultDatabase=${CLUSTER_REDIS_DB:-0}"
# Each silo opens more than one connection pool (Orleans storage and membership, the product's data source): at the
# default 100 a pool, 3 busy silos took 282 of the 300 connections services.sh's PostgreSQL allows, and a restarted
# silo could not join. N silos × pools × this must stay under max_connections.
export ConnectionStrings__Postgres="$ConnectionStrings__Postgres;Maximum Pool Size=${CLUSTER_PG_POOL_SIZE:-40}"
PSQL=("$PG_BIN/psql" -h localhost -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qtA)
export PGPASSWORD="$PG_PASSWORD"

usage() { die "usage: $0 up [N] | status | kill I | start I | restart I | kill-broker | start-broker | down"; }
pid_of() { [ -s "$PIDS/$1.pid" ] && cat "$PIDS/$1.pid"; }
alive() { local pid; pid="$(pid_of "$1")" && kill -0 "$pid" 2>/dev/null; }
silo_url() { echo "http://127.0.0.1:$((HTTP_BASE + $1))"; }

# PostgreSQL and Redis: the ones already answering on the configured ports, else ./scripts/services.sh up.
servers_up() {
  if "$PG_BIN/pg_isready" -h localhost -p "$PG_PORT" >/dev/null 2>&1 && [ "$(redis-cli -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; then
    log "using the PostgreSQL on port $PG_PORT and the Redis on port $REDIS_PORT already running"
  else
    "$ROOT/scripts/services.sh" up
  fi
  if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != "1" ]; then
    log "creating database $PG_DB"
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\""
  fi
}

build() {
  log "building silo, broker and front door ($CONFIGURATION)"
  for project in silo/TrafficOrleans.Silo.csproj kafka/TrafficOrleans.KafkaBroker.Host/TrafficOrleans.KafkaBroker.Host.csproj \
    frontdoor/TrafficOrleans.FrontDoor/TrafficOrleans.FrontDoor.csproj; do
    dotnet build "$ROOT/$project" -c "$CONFIGURATION" --nologo -v quiet -clp:ErrorsOnly
  done
}

# Runs a command in the background with its output in logs/NAME.log and its pid in pids/NAME.pid.
launch() {
  local name="$1" dir="$2"; shift 2
  (cd "$dir" && exec "$@" >>"$LOGS/$name.log" 2>&1) &
  echo $! > "$PIDS/$name.pid"
}

wait_http() {
  local url="$1" what="$2" seconds="${3:-180}"
  for _ in $(seq "$seconds"); do
    curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null && return 0
    sleep 1
  done
  die "$what did not answer $url within ${seconds}s (see $LOGS)"
}

start_broker() {
  alive broker && { log "broker already running (pid $(pid_of broker))"; return; }
  log "starting the broker on port $KAFKA_PORT (data $CLUSTER_DIR/kafka)"
  launch broker "$ROOT" dotnet "$BROKER_DLL" --port "$KAFKA_PORT" --data "$CLUSTER_DIR/kafka" --fsync interval
  for _ in $(seq 60); do (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null && return 0; sleep 0.5; done
  die "the broker did not listen on $KAFKA_PORT (see $LOGS/broker.log)"
}

start_silo() {
  local i="$1"
  alive "silo-$i" && { log "silo $i already running (pid $(pid_of "silo-$i"))"; return; }
  # shellcheck disable=SC1090
  source "$SETTINGS"
  log "starting silo $i: HTTP $(silo_url "$i"), silo port $((SILO_PORT_BASE + i)), gateway $((GATEWAY_BASE + i))"
  launch "silo-$i" "$ROOT/silo" env \
    Urls="$(silo_url "$i")" \
    Orleans__Profile=Cluster \
    Host__DrainDelay=00:00:03 \
    Orleans__ClusterId="$CLUSTER_ID" \
    Orleans__AdvertisedAddress=127.0.0.1 \
    Orleans__SiloPort=$((SILO_PORT_BASE + i)) \
    Orleans__GatewayPort=$((GATEWAY_BASE + i)) \
    Kafka__EmbeddedBroker__Enabled=false \
    Kafka__BootstrapServers="127.0.0.1:$KAFKA_PORT" \
    Ingest__Simulator__SpeedUp="$SPEEDUP" \
    Ingest__Simulator__StartAt="$START_AT" \
    Ingest__Simulator__ClockAnchor="$START_AT" \
    Forecasting__ModelDirectory="$CLUSTER_DIR/models" \
    Admin__ApiKey="$ADMIN_KEY" \
    Logging__Console__FormatterName=simple \
    Logging__Console__FormatterOptions__TimestampFormat="yyyy-MM-ddTHH:mm:ss.fffZ " \
    Logging__Console__FormatterOptions__UseUtcTimestamp=true \
    dotnet "$SILO_DLL"
}

start_front_door() {
  alive frontdoor && { log "front door already running (pid $(pid_of frontdoor))"; return; }
  # shellcheck disable=SC1090
  source "$SETTINGS"
  local silos=() i
  for i in $(seq "$SILOS"); do silos+=("$(silo_url "$i")"); done
  log "starting the front door on http://localhost:$FRONT_PORT over ${silos[*]}"
  launch frontdoor "$ROOT/frontdoor/TrafficOrleans.FrontDoor" env \
    Urls="http://localhost:$FRONT_PORT" FrontDoor__Silos="$(IFS=,; echo "${silos[*]}")" dotnet "$FRONT_DLL"
}

up() {
  local n="${1:-3}"
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage
  command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"
  mkdir -p "$PIDS" "$LOGS" "$CLUSTER_DIR/models"
  servers_up
  build
  if [ ! -s "$SETTINGS" ] || ! grep -q "^SILOS=$n$" "$SETTINGS"; then
    # Every silo, including one restarted later, reads the same simulated clock (start and anchor), so whichever
    # holds the ingestion lease polls the same ticks.
    local key_file="$DATA_DIR/admin-key" here="$ROOT/../shared/data/here/hanoi-flow-2025-10-15T1409Z.json"
    [ -s "$key_file" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$key_file")
    {
      echo "SILOS=$n"
      echo "CLUSTER_ID=${CLUSTER_ID:-traffic-orleans}"
      echo "SPEEDUP=${CLUSTER_SPEEDUP:-1}"
      echo "START_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
      echo "ADMIN_KEY=$(cat "$key_file")"
    } > "$SETTINGS"
    if [ -z "${Ingest__Simulator__RoadNetworkPath:-}" ] && [ -f "$here" ]; then
      echo "export Ingest__Simulator__RoadNetworkPath=$here" >> "$SETTINGS"
    fi
    # Configuration given to `up` as environment variables (e.g. Notifications__MinConfidence=0) is kept too, so a silo
    # started again later (`start`, `restart`, the chaos script) runs with the same settings as its peers. Connection
    # strings are left out: lib.sh derives them from the ports every time.
    local name
    while IFS= read -r name; do
      printf 'export %s=%q\n' "$name" "${!name}" >> "$SETTINGS"
    done < <(compgen -e | grep -E '^[A-Za-z][A-Za-z0-9]*__[A-Za-z0-9_]+$' | grep -v '^ConnectionStrings__' || true)
  fi
  start_broker
  local i
  # The first silo alone migrates the schema and creates the topics; the others then join its cluster.
  start_silo 1
  wait_http "$(silo_url 1)/health/live" "silo 1"
  for i in $(seq 2 "$n"); do start_silo "$i"; done
  for i in $(seq "$n"); do wait_http "$(silo_url "$i")/health/ready" "silo $i"; done
  start_front_door
  wait_http "http://localhost:$FRONT_PORT/frontdoor/silos" "the front door" 60
  log "cluster up: http://localhost:$FRONT_PORT (dashboard /orleans, admin key in $DATA_DIR/admin-key)"
  status
}

status() {
  [ -s "$SETTINGS" ] || { echo "no cluster (run: $0 up)"; return; }
  # shellcheck disable=SC1090
  source "$SETTINGS"
  local i name code
  printf '%-10s %-8s %-7s %s\n' process pid state "ready (HTTP /health/ready)"
  for name in broker frontdoor $(for i in $(seq "$SILOS"); do echo "silo-$i"; done); do
    code=-
    if [[ "$name" == silo-* ]]; then
      code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$(silo_url "${name#silo-}")/health/ready" || true)"
    fi
    printf '%-10s %-8s %-7s %s\n' "$name" "$(pid_of "$name" || echo -)" "$(alive "$name" && echo up || echo down)" "$code"
  done
  echo
  echo "front door (GET /frontdoor/silos):"
  curl -s --max-time 2 "http://localhost:$FRONT_PORT/frontdoor/silos" || echo "  not answering"
  echo
  echo
  echo "leaders (PostgreSQL advisory-lock leases: lease and the process id holding it):"
  "${PSQL[@]}" -d "$PG_DB" -c "SELECT '  ' || substr(application_name, 8) FROM pg_stat_activity
    WHERE application_name LIKE 'leader:%' AND datname = '$PG_DB' ORDER BY 1" || true
  echo "Orleans membership (status 3 = active, 6 = dead):"
  "${PSQL[@]}" -d "$PG_DB" -c "SELECT '  ' || address || ':' || port || ' gen ' || generation || ' status ' || status
    FROM orleans_membership WHERE deployment_id = '$CLUSTER_ID' AND status <> 6 ORDER BY port" 2>/dev/null || true
}

stop_process() {
  local name="$1" pid
  pid="$(pid_of "$name")" || return 0
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { log "$name did not stop in 60 s: kill -9"; kill -9 "$pid" 2>/dev/null || true; }
  fi
  rm -f "$PIDS/$name.pid"
}

down() {
  local i silos=0
  [ -s "$SETTINGS" ] && silos="$(grep '^SILOS=' "$SETTINGS" | cut -d= -f2)"
  stop_process frontdoor
  for i in $(seq "$silos"); do log "stopping silo $i"; stop_process "silo-$i" & done
  wait
  log "stopping the broker"
  stop_process broker
}

kill_silo() {
  local i="$1" pid
  [[ "$i" =~ ^[1-9][0-9]*$ ]] || usage
  pid="$(pid_of "silo-$i")" && kill -0 "$pid" 2>/dev/null || die "silo $i is not running"
  kill -9 "$pid"
  log "silo $i (pid $pid) killed with -9 at $(date -u +%H:%M:%S.%3N)"
}

case "${1:-}" in
  up) up "${2:-3}" ;;
  status) status ;;
  kill) kill_silo "${2:-}" ;;
  start) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || usage; start_silo "$2"; wait_http "$(silo_url "$2")/health/ready" "silo $2" ;;
  restart)
    [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || usage
    log "stopping silo $2 (SIGTERM)"; stop_process "silo-$2"
    start_silo "$2"; wait_http "$(silo_url "$2")/health/ready" "silo $2" ;;
  kill-broker) pid="$(pid_of broker)" && kill -9 "$pid" && log "broker (pid $pid) killed with -9" ;;
  start-broker) start_broker ;;
  down) down ;;
  *) usage ;;
esac
