#!/usr/bin/env bash
# Makes sure Postgres, Redis and NATS (JetStream) answer on their configured URLs.
# If one does not: with a Docker engine, `docker compose up` starts it; as root on Debian
# without Docker, it is installed from Debian's packages (if missing) and started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PG_HOST=$(url_host "$DATABASE_URL"); PG_PORT=$(url_port "$DATABASE_URL" 5432)
REDIS_HOST=$(url_host "$REDIS_URL"); REDIS_PORT=$(url_port "$REDIS_URL" 6379)
NATS_HOST=$(url_host "$NATS_URL"); NATS_PORT=$(url_port "$NATS_URL" 4222)
DB_NAME="${DATABASE_URL##*/}"; DB_NAME="${DB_NAME%%\?*}"

local_host() { [[ "$1" == 127.0.0.1 || "$1" == localhost || "$1" == ::1 ]]; }

docker_engine() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

apt_ready=0
apt_install() {
  [[ $(id -u) -eq 0 ]] || die "$* missing and not root: install it, or start it yourself"
  command -v apt-get >/dev/null || die "$* missing and no apt-get here: start it yourself"
  if [[ $apt_ready -eq 0 ]]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_ready=1
  fi
  log "installing $* from Debian's packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql postgresql-client
    fresh_postgres=1
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -1)
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_for_port postgres "$PG_HOST" "$PG_PORT" 30
  if [[ ${fresh_postgres:-0} -eq 1 ]]; then
    # A fresh development cluster: let local tools and the apps in as `root` over TCP.
    su postgres -c "psql -qc \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='root') THEN CREATE ROLE root SUPERUSER LOGIN; END IF; END\\\$\\\$\""
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    grep -q '^host all all 127.0.0.1/32 trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  fi
}

start_redis() {
  command -v redis-server >/dev/null || apt_install redis-server
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  # No eviction: BullMQ's jobs must never be dropped to make room.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir /var/lib/redis --logfile /var/log/redis/helpdesk.log
  wait_for_port redis "$REDIS_HOST" "$REDIS_PORT" 30
}

start_nats() {
  command -v nats-server >/dev/null || [[ -x /usr/sbin/nats-server ]] || apt_install nats-server
  log "starting NATS with JetStream"
  mkdir -p /var/lib/nats-server
  start-stop-daemon --start --oknodo --background --exec "$(command -v nats-server || echo /usr/sbin/nats-server)" -- \
    -a 127.0.0.1 -p "$NATS_PORT" -js -sd /var/lib/nats-server -l /var/log/nats-server.log
  wait_for_port nats "$NATS_HOST" "$NATS_PORT" 30
}

missing=()
port_open "$PG_HOST" "$PG_PORT" || missing+=(postgres)
port_open "$REDIS_HOST" "$REDIS_PORT" || missing+=(redis)
port_open "$NATS_HOST" "$NATS_PORT" || missing+=(nats)

if [[ ${#missing[@]} -gt 0 ]]; then
  if docker_engine; then
    log "starting ${missing[*]} with docker compose"
    docker compose -f "$ROOT/docker-compose.yml" up -d --wait "${missing[@]}"
  else
    for service in "${missing[@]}"; do
      case "$service" in
        postgres) local_host "$PG_HOST" || die "Postgres at $PG_HOST:$PG_PORT does not answer"; start_postgres ;;
        redis) local_host "$REDIS_HOST" || die "Redis at $REDIS_HOST:$REDIS_PORT does not answer"; start_redis ;;
        nats) local_host "$NATS_HOST" || die "NATS at $NATS_HOST:$NATS_PORT does not answer"; start_nats ;;
      esac
    done
  fi
fi

# The database itself, and Redis settings BullMQ needs (ignored where CONFIG is disabled).
if command -v psql >/dev/null; then
  admin_url="${DATABASE_URL%/*}/postgres"
  if ! psql "$admin_url" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'" | grep -q 1; then
    log "creating database $DB_NAME"
    psql "$admin_url" -qc "CREATE DATABASE \"$DB_NAME\""
  fi
fi
if command -v redis-cli >/dev/null; then
  redis-cli -u "$REDIS_URL" CONFIG SET maxmemory-policy noeviction >/dev/null 2>&1 || true
fi
log "infrastructure ready: postgres $PG_HOST:$PG_PORT, redis $REDIS_HOST:$REDIS_PORT, nats $NATS_HOST:$NATS_PORT"
