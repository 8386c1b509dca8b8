#!/usr/bin/env bash
# Runs every test of the solution against real servers: installs and starts what the tests need
# (private PostgreSQL and Redis, kcat, the KafkaJS test client), then `dotnet test`.
# Extra arguments go to dotnet test, e.g. ./scripts/test.sh --filter RoadSlice
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet not on PATH)"

# Test speed matters more than durability for throw-away test databases.
export TRAFFIC_PG_FSYNC="${TRAFFIC_PG_FSYNC:-off}"
"$ROOT/scripts/services.sh" up

# Real Kafka clients for the broker's compatibility tests.
command -v kcat >/dev/null || apt_install kcat
if [ -f "$ROOT/tests/kafka-clients/package.json" ]; then
  command -v node >/dev/null || apt_install nodejs npm
  log "npm ci (KafkaJS test client)"
  npm ci --prefix "$ROOT/tests/kafka-clients" --no-audit --no-fund --loglevel=error >/dev/null
fi

# The dashboard: its npm packages, its unit tests (Vitest), its bundle (served by the silo the browser tests drive),
# and Debian's Chromium for those tests (Playwright drives it; its own browser downloads cannot work offline).
command -v node >/dev/null || apt_install nodejs npm
command -v chromium >/dev/null || apt_install chromium chromium-driver
log "npm ci, npm test, npm run build (web/)"
npm ci --prefix "$ROOT/web" --no-audit --no-fund --loglevel=error >/dev/null
npm test --prefix "$ROOT/web" --silent
npm run build --prefix "$ROOT/web" --silent

# The deployment files, checked offline (schemas, kustomize overlays, configuration keys): deploy/README.md.
log "npm ci, npm test (deploy/validate)"
npm ci --prefix "$ROOT/deploy/validate" --no-audit --no-fund --loglevel=error >/dev/null
npm test --prefix "$ROOT/deploy/validate" --silent

log "dotnet test"
dotnet test "$ROOT/TrafficOrleans.sln" --logger "console;verbosity=minimal" "$@"
