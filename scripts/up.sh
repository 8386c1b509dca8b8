#!/usr/bin/env bash
# Runs the whole product on this machine, offline: private PostgreSQL and Redis, migrations (applied
# by the silo at start-up), then the silo with its co-hosted API on http://localhost:8080.
# Ctrl-C stops the silo; ./scripts/services.sh down stops the servers.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"
"$ROOT/scripts/services.sh" up

log "building"
# The web dashboard (web/) is bundled into silo/wwwroot, which the silo serves at /.
command -v node >/dev/null || apt_install nodejs npm
npm ci --prefix "$ROOT/web" --no-audit --no-fund --loglevel=error >/dev/null
npm run build --prefix "$ROOT/web" --silent
dotnet build "$ROOT/silo/TrafficOrleans.Silo.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly

# The simulator (and the routing graph) use the road set of a real HERE poll when the shared
# snapshot is next to the checkout; otherwise the generated synthetic city.
HERE_SNAPSHOT="$ROOT/../shared/data/here/hanoi-flow-2025-10-15T1409Z.json"
if [ -z "${Ingest__Simulator__RoadNetworkPath:-}" ] && [ -f "$HERE_SNAPSHOT" ]; then
  export Ingest__Simulator__RoadNetworkPath="$HERE_SNAPSHOT"
  log "simulating traffic on the 772 roads of the HERE snapshot ($HERE_SNAPSHOT)"
fi

# The Orleans Dashboard and /admin need an admin key (they are off without one): a local run gets its own,
# kept under .data so it stays the same across runs. Production sets Admin__ApiKey from a secret.
if [ -z "${Admin__ApiKey:-}" ]; then
  KEY_FILE="$DATA_DIR/admin-key"
  [ -s "$KEY_FILE" ] || (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$KEY_FILE")
  export Admin__ApiKey="$(cat "$KEY_FILE")"
  log "admin key for /orleans (browser: any user name, the key as password) and /admin (header X-Admin-Key): $KEY_FILE"
fi

URL="${TRAFFIC_URL:-http://localhost:8080}"
log "starting the silo on $URL — dashboard $URL/, Orleans Dashboard $URL/orleans, API reference $URL/scalar, health $URL/health/ready"
cd "$ROOT/silo"
exec dotnet run -c Release --no-build --project "$ROOT/silo/TrafficOrleans.Silo.csproj" -- --urls "$URL"
