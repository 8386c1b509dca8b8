#!/usr/bin/env bash
# Latency of GET /traffic/current and POST /route/recommend with Redis up and with Redis stopped.
#
# Runs the real silo (simulator ingest, embedded broker, all in one process) on a database and a redis-server of
# its own (free ports), so the shared PostgreSQL database and Redis of other checkouts are never touched; kills
# that private redis-server half way. Prints a Markdown table: per endpoint and state, the median of each run's
# median and the spread (min–max) of the run medians, plus the status codes seen. Never fails on timing.
#
# Usage: bench/redis-outage/run.sh [runs=5] [requests per run=40]
# Needs PostgreSQL reachable with the scripts' settings (./scripts/services.sh up) and redis-server installed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"

RUNS="${1:-5}"
REQUESTS="${2:-40}"
WORK="$(mktemp -d)"
BENCH_DB="traffic_bench_redis_$$"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
REDIS_BENCH_PORT="$(free_port)"; HTTP_PORT="$(free_port)"; KAFKA_BENCH_PORT="$(free_port)"
SILO_PORT="$(free_port)"; GATEWAY_PORT="$(free_port)"
URL="http://127.0.0.1:$HTTP_PORT"
PSQL=(psql -h localhost -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -qAt)
export PGPASSWORD="$PG_PASSWORD"
SILO_PID=""; REDIS_PID=""

cleanup() {
  [ -n "$SILO_PID" ] && kill "$SILO_PID" 2>/dev/null && wait "$SILO_PID" 2>/dev/null || true
  [ -n "$REDIS_PID" ] && kill "$REDIS_PID" 2>/dev/null || true
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${PSQL[@]}" -c "CREATE DATABASE $BENCH_DB" >/dev/null
redis-server --port "$REDIS_BENCH_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$WORK/redis.log" 2>&1 &
REDIS_PID=$!

log "building the silo (Release)"
dotnet build -c Release -v q --nologo "$ROOT/silo/TrafficOrleans.Silo.csproj" >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; die "build failed"; }

log "starting the silo on $URL (private Redis on $REDIS_BENCH_PORT, database $BENCH_DB)"
(
  cd "$ROOT/silo"
  export ConnectionStrings__Postgres="Host=localhost;Port=$PG_PORT;Database=$BENCH_DB;Username=$PG_USER;Password=$PG_PASSWORD"
  export ConnectionStrings__Redis="127.0.0.1:$REDIS_BENCH_PORT"
  export Urls="$URL" Orleans__SiloPort="$SILO_PORT" Orleans__GatewayPort="$GATEWAY_PORT" Orleans__ServiceId="bench-redis-$$" Orleans__ClusterId="bench-redis-$$"
  export Kafka__BootstrapServers="127.0.0.1:$KAFKA_BENCH_PORT" Kafka__EmbeddedBroker__Port="$KAFKA_BENCH_PORT" Kafka__EmbeddedBroker__DataDirectory=""
  export Forecasting__ModelDirectory="$WORK/models" Forecasting__WeeklyRetraining=false
  # A load test is not abuse: the per-IP limiter would answer 429 instead of measuring.
  export RateLimiting__Enabled=false
  exec dotnet "bin/Release/net10.0/TrafficOrleans.Silo.dll"
) >"$WORK/silo.log" 2>&1 &
SILO_PID=$!

for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health/live" || true)" = "200" ] && break
  kill -0 "$SILO_PID" 2>/dev/null || { tail -n 30 "$WORK/silo.log"; die "the silo stopped"; }
  sleep 1
done
log "waiting for the simulator's first readings in Redis"
for _ in $(seq 1 120); do
  [ "$(curl -s -D - -o /dev/null "$URL/traffic/current" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-traffic-source"{print $2}')" = "redis" ] && break
  sleep 1
done

ROUTE_BODY='{"origin":{"lat":21.0200,"lng":105.8450},"destination":{"lat":21.0370,"lng":105.8630},"departure_time":"now"}'
# One request: prints "status seconds".
request() {
  case "$1" in
    traffic) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$URL/traffic/current" ;;
    route) curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d "$ROUTE_BODY" "$URL/route/recommend" ;;
  esac
}

# Appends "endpoint state run median_ms" lines to $WORK/medians and status codes to $WORK/codes.
measure() {
  local state="$1"
  for run in $(seq 1 "$RUNS"); do
    for endpoint in traffic route; do
      for _ in $(seq 1 "$REQUESTS"); do request "$endpoint"; done >"$WORK/samples"
      awk -v e="$endpoint" -v s="$state" '{print e, s, $1}' "$WORK/samples" >>"$WORK/codes"
      awk '{print $2 * 1000}' "$WORK/samples" | sort -n | awk -v e="$endpoint" -v s="$state" -v r="$run" \
        '{v[NR]=$1} END {m = (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%s %s %d %.2f\n", e, s, r, m}' >>"$WORK/medians"
    done
  done
}

log "measuring with Redis up ($RUNS runs × $REQUESTS requests per endpoint)"
for endpoint in traffic route; do request "$endpoint" >/dev/null; done
measure "redis-up"
log "stopping the private redis-server"
kill "$REDIS_PID"; wait "$REDIS_PID" 2>/dev/null || true; REDIS_PID=""
for endpoint in traffic route; do request "$endpoint" >/dev/null; done
measure "redis-stopped"

echo
echo "| endpoint | Redis | median of run medians (ms) | spread of run medians (ms) | runs × requests | status codes | answered from |"
echo "|---|---|---:|---:|---|---|---|"
for endpoint in traffic route; do
  for state in redis-up redis-stopped; do
    medians="$(awk -v e="$endpoint" -v s="$state" '$1==e && $2==s {print $4}' "$WORK/medians" | sort -n)"
    median="$(echo "$medians" | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}')"
    spread="$(echo "$medians" | awk 'NR==1{min=$1} {max=$1} END {printf "%.2f–%.2f", min, max}')"
    codes="$(awk -v e="$endpoint" -v s="$state" '$1==e && $2==s {c[$3]++} END {for (k in c) printf "%s×%d ", k, c[k]}' "$WORK/codes")"
    path="/traffic/current"; [ "$endpoint" = route ] && path="/route/recommend"
    source="-"
    [ "$endpoint" = traffic ] && source="$([ "$state" = redis-up ] && echo redis || curl -s -D - -o /dev/null "$URL/traffic/current" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-traffic-source"{print $2}')"
    [ "$endpoint" = route ] && source="$([ "$state" = redis-up ] && echo "route cache" || echo "computed (cache skipped)")"
    echo "| $path | ${state#redis-} | $median | $spread | $RUNS × $REQUESTS | ${codes% } | $source |"
  done
done
