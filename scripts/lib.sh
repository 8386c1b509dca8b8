# Shared settings of the scripts: ports, paths and small helpers. Sourced, not run.
# Every value can be overridden from the environment.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA_DIR="${TRAFFIC_DATA_DIR:-$ROOT/.data}"
PG_PORT="${TRAFFIC_PG_PORT:-55432}"
PG_USER="${TRAFFIC_PG_USER:-traffic}"
PG_PASSWORD="${TRAFFIC_PG_PASSWORD:-traffic}"
PG_DB="${TRAFFIC_PG_DB:-traffic}"
REDIS_PORT="${TRAFFIC_REDIS_PORT:-56379}"
KAFKA_PORT="${TRAFFIC_KAFKA_PORT:-59092}"
PG_BIN="${TRAFFIC_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Connection strings the .NET code reads (appsettings keys, see README "Configuration").
export ConnectionStrings__Postgres="Host=localhost;Port=$PG_PORT;Database=$PG_DB;Username=$PG_USER;Password=$PG_PASSWORD"
export ConnectionStrings__Redis="localhost:$REDIS_PORT"

# Runs a command as root (directly, or through sudo when we are not root).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# PostgreSQL refuses to run as root: when we are root, run its binaries as the 'postgres' user.
as_pg_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

apt_installed_once=0
apt_install() {
  if [ "$apt_installed_once" -eq 0 ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_installed_once=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
