#!/usr/bin/env bash
# Runs the whole product on this machine, offline: private PostgreSQL and Redis, migrations (applied
# by the silo at start-up), then the silo with its co-hosted API on http://localhost:8080.
#
#   ./scripts/up.sh              first run: back-fill simulated history, train a model once, then simulate
#                                traffic faster than real time (a 5-minute tick every 10 s) so the map moves
#                                and alerts come within minutes; later runs reuse the history and the model
#   ./scripts/up.sh --realtime   the real 5-minute cadence, no back-fill, no training (polls HERE for real
#                                when Ingest__Here__ApiKey is set)
#
# Environment: TRAFFIC_SPEEDUP (30: simulated seconds per real second), TRAFFIC_BACKFILL_DAYS (7), and the
# ports of scripts/lib.sh. Ctrl-C stops the silo; ./scripts/services.sh down stops the servers.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

REALTIME=0
for arg in "$@"; do
  case "$arg" in
    --realtime) REALTIME=1 ;;
    -h|--help) sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$arg' (try --help)" ;;
  esac
done
SPEEDUP="${TRAFFIC_SPEEDUP:-30}"
BACKFILL_DAYS="${TRAFFIC_BACKFILL_DAYS:-7}"
URL="${TRAFFIC_URL:-http://localhost:8080}"
STARTED=$SECONDS

command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"
command -v curl >/dev/null || apt_install curl
"$ROOT/scripts/services.sh" up

log "building the silo and the command line (web/ bundle alongside)"
BUILD_STARTED=$SECONDS
# The web dashboard (web/) is bundled into silo/wwwroot, which the silo serves at /. npm ci is mostly download
# and disk, so it runs while the compiler holds the CPU; its output is shown only if it fails.
command -v node >/dev/null || apt_install nodejs npm
WEB_LOG="$(mktemp)"
( npm ci --prefix "$ROOT/web" --no-audit --no-fund --loglevel=error && npm run build --prefix "$ROOT/web" --silent ) \
  >"$WEB_LOG" 2>&1 &
WEB_BUILD=$!
# One MSBuild run for only the product's 15 projects (TrafficOrleans.Product.slnf: the silo, the CLI and what
# they reference — no tests, no benches), so shared projects are evaluated and checked once. RunAnalyzers=false
# skips the code-style and .NET analyzers (source generators such as Orleans' still run): they judge the code,
# which the developer build and CI do with warnings as errors; running the product does not need them.
dotnet build "$ROOT/TrafficOrleans.Product.slnf" -c Release -p:RunAnalyzers=false --nologo -v quiet -clp:ErrorsOnly
wait $WEB_BUILD || { cat "$WEB_LOG" >&2; die "the web/ dashboard build failed"; }
rm -f "$WEB_LOG"
log "built in $((SECONDS - BUILD_STARTED)) s"
traffic() { dotnet "$ROOT/cli/bin/Release/net10.0/traffic.dll" "$@"; }

# The simulator (and the routing graph) use the road set of a real HERE poll when the shared
# snapshot is next to the checkout; otherwise the generated synthetic city.
HERE_SNAPSHOT="$ROOT/../shared/data/here/hanoi-flow-2025-10-15T1409Z.json"
if [ -z "${Ingest__Simulator__RoadNetworkPath:-}" ] && [ -f "$HERE_SNAPSHOT" ]; then
  export Ingest__Simulator__RoadNetworkPath="$HERE_SNAPSHOT"
  log "simulating traffic on the 772 roads of the HERE snapshot ($HERE_SNAPSHOT)"
fi

# The silo and the command line share the model artefacts and the broker of this checkout's data directory.
export Forecasting__ModelDirectory="${Forecasting__ModelDirectory:-$DATA_DIR/models}"
export Kafka__BootstrapServers="${Kafka__BootstrapServers:-localhost:$KAFKA_PORT}"
export Kafka__EmbeddedBroker__Port="${Kafka__EmbeddedBroker__Port:-$KAFKA_PORT}"
export Kafka__EmbeddedBroker__DataDirectory="${Kafka__EmbeddedBroker__DataDirectory:-$DATA_DIR/kafka}"

if [ -n "${Ingest__Here__ApiKey:-}" ] && [ "$REALTIME" -eq 0 ]; then
  # Real HERE polls cannot be sped up, and simulated history would mix with the real one.
  log "Ingest__Here__ApiKey is set: polling HERE in real time (as with --realtime)"
  REALTIME=1
fi

if [ "$REALTIME" -eq 0 ]; then
  # Idempotent: --resume writes only the ticks missing after the newest stored reading (nothing on a second
  # run), --if-no-champion trains only while no model is promoted. History only: the road grains need not
  # replay a week through Kafka; training and the analytics read it from PostgreSQL.
  log "back-filling $BACKFILL_DAYS day(s) of simulated history (skipped where it is already stored)"
  traffic ingest simulate --days "$BACKFILL_DAYS" --history-only --resume
  # No LSTM on a first run: measured here it takes twice the gradient-boosted trees' time and does not beat them.
  log "training the forecasting model (once: skipped when a champion exists)"
  traffic train --no-lstm --no-tgcn --if-no-champion
  export Ingest__Simulator__SpeedUp="${Ingest__Simulator__SpeedUp:-$SPEEDUP}"
  log "simulator clock $Ingest__Simulator__SpeedUp× real time: a 5-minute tick every $(awk "BEGIN{print 300/$Ingest__Simulator__SpeedUp}") s"
else
  log "real time: one tick every 5 minutes, no back-fill"
fi

# A sped-up run leaves history ahead of wall time: every later run (--realtime too) continues the simulated
# clock after it, or the road grains would see readings older than the ones they already applied.
export Ingest__Simulator__ContinueHistory="${Ingest__Simulator__ContinueHistory:-true}"

# The Orleans Dashboard and /admin need an admin key (they are off without one): a local run gets its own,
# kept under .data so it stays the same across runs. Production sets Admin__ApiKey from a secret.
if [ -z "${Admin__ApiKey:-}" ]; then
  KEY_FILE="$DATA_DIR/admin-key"
  [ -s "$KEY_FILE" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$KEY_FILE")
  export Admin__ApiKey="$(cat "$KEY_FILE")"
  log "admin key for /orleans (browser: any user name, the key as password) and /admin (header X-Admin-Key): $KEY_FILE"
fi

log "starting the silo on $URL — dashboard $URL/, Orleans Dashboard $URL/orleans, API reference $URL/scalar, health $URL/health/ready"
cd "$ROOT/silo"
dotnet "$ROOT/silo/bin/Release/net10.0/TrafficOrleans.Silo.dll" --urls "$URL" &
SILO=$!
trap 'kill -TERM $SILO 2>/dev/null; wait $SILO' INT TERM

# Say where to look once the silo answers ready (warm-up included), while its log keeps streaming.
until curl -sf -o /dev/null "$URL/health/ready"; do
  kill -0 $SILO 2>/dev/null || { wait $SILO; exit $?; }
  sleep 1
done
log "ready after $((SECONDS - STARTED)) s: dashboard $URL/ — API reference $URL/scalar, system status $URL/system/status, Orleans $URL/orleans"
wait $SILO
