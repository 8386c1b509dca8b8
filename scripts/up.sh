#!/usr/bin/env bash
# Runs the whole product on this machine, offline: private PostgreSQL and Redis, migrations (applied
# by the silo at start-up), then the silo with its co-hosted API on http://localhost:8080.
# Ctrl-C stops the silo; ./scripts/services.sh down stops the servers.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"
"$ROOT/scripts/services.sh" up

log "building"
dotnet build "$ROOT/silo/TrafficOrleans.Silo.csproj" -c Release --nologo -v quiet -clp:ErrorsOnly

URL="${TRAFFIC_URL:-http://localhost:8080}"
log "starting the silo on $URL — dashboard $URL/orleans, API reference $URL/scalar, health $URL/health/ready"
cd "$ROOT/silo"
exec dotnet run -c Release --no-build --project "$ROOT/silo/TrafficOrleans.Silo.csproj" -- --urls "$URL"
