#!/usr/bin/env bash
# Brings up the whole stack on this machine: infrastructure, build, migrations, every app,
# demo data; then prints the API URL, an API key pair and a curl line that works.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/infra.sh

if [[ ! -d node_modules ]]; then log "installing dependencies (npm ci)"; npm ci --no-audit --no-fund; fi
log "building"
npm run --silent build

mkdir -p "$STATE_DIR/logs" "$STATE_DIR/pids"
credentials="$STATE_DIR/credentials.env"
if [[ ! -f "$credentials" ]]; then
  # Generated once and kept (mode 600) so restarts keep working; agent-service stores only a hash.
  umask 077
  printf 'HELPDESK_ADMIN_API_KEY=%s\nHELPDESK_ADMIN_API_SECRET=%s\n' \
    "$(node -e "console.log(require('crypto').randomBytes(8).toString('hex').slice(0,15))")" \
    "$(node -e "console.log(require('crypto').randomBytes(16).toString('hex'))")" >"$credentials"
fi
if ! grep -q '^HELPDESK_ADMIN_PASSWORD=' "$credentials"; then
  # Administrator's login password (POST /api/method/login), added to credentials made before it.
  (umask 077; printf 'HELPDESK_ADMIN_PASSWORD=%s\n' \
    "$(node -e "console.log(require('crypto').randomBytes(12).toString('base64url'))")" >>"$credentials")
fi
set -a; source "$credentials"; set +a

log "running migrations"
node apps/ticket-service/dist/main.js migrate >/dev/null
node apps/agent-service/dist/main.js migrate >/dev/null
node apps/assignment-rule-service/dist/main.js migrate >/dev/null
node apps/sla-service/dist/main.js migrate >/dev/null
node apps/metrics-worker/dist/main.js migrate >/dev/null
node apps/knowledge-service/dist/main.js migrate >/dev/null

bash scripts/down.sh --quiet
for app in "${APPS[@]}"; do
  port=$(app_port "$app")
  HTTP_PORT=$port nohup node "apps/$app/dist/main.js" >>"$STATE_DIR/logs/$app.log" 2>&1 &
  echo $! >"$STATE_DIR/pids/$app.pid"
done
for app in "${APPS[@]}"; do
  port=$(app_port "$app")
  for ((i = 0; i < 300; i++)); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$(cat "$STATE_DIR/pids/$app.pid")" 2>/dev/null || die "$app exited; see $STATE_DIR/logs/$app.log"
    sleep 0.1
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || die "$app not ready; see $STATE_DIR/logs/$app.log"
  log "$app ready on :$port"
done

API="http://127.0.0.1:8000"
AUTH="Authorization: token $HELPDESK_ADMIN_API_KEY:$HELPDESK_ADMIN_API_SECRET"
if [[ $(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$API/api/resource/HD%20Ticket/1") == 404 ]]; then
  log "loading demo tickets"
  node scripts/demo-data.mjs "$API" "$HELPDESK_ADMIN_API_KEY:$HELPDESK_ADMIN_API_SECRET"
fi

cat <<MSG

Helpdesk is up.
  API          $API   (logs: .helpdesk/logs, stop: npm run stop)
  Realtime     http://127.0.0.1:9000/helpdesk.localhost   (Socket.IO, path /socket.io, auth.token = key:secret)
  API key      $HELPDESK_ADMIN_API_KEY
  API secret   $HELPDESK_ADMIN_API_SECRET   (user Administrator; kept in .helpdesk/credentials.env)
  Password     $HELPDESK_ADMIN_PASSWORD   (POST /api/method/login with usr=Administrator; sid cookie + X-Frappe-CSRF-Token)

Try:
  curl -s -X POST '$API/api/resource/HD%20Ticket' -H '$AUTH' -H 'Content-Type: application/json' \\
    -d '{"subject": "Printer on fire", "raised_by": "jane@example.com", "priority": "High"}'
  curl -s '$API/api/resource/HD%20Ticket/1' -H '$AUTH'
MSG
