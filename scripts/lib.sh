# Shared helpers for the project's scripts. Sourced, not run.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="$ROOT/.helpdesk"

: "${DATABASE_URL:=postgres://root@127.0.0.1:5432/helpdesk}"
: "${REDIS_URL:=redis://127.0.0.1:6379}"
: "${NATS_URL:=nats://127.0.0.1:4222}"
export DATABASE_URL REDIS_URL NATS_URL

APPS=(agent-service ticket-service assignment-rule-service sla-service metrics-worker knowledge-service realtime gateway)

log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# host and port of a URL like scheme://user@host:port/path
url_host() { local u="${1#*://}"; u="${u#*@}"; u="${u%%/*}"; echo "${u%%:*}"; }
url_port() { local u="${1#*://}"; u="${u#*@}"; u="${u%%/*}"; [[ "$u" == *:* ]] && echo "${u##*:}" || echo "$2"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_for_port() { # name host port seconds
  local i
  for ((i = 0; i < $4 * 10; i++)); do port_open "$2" "$3" && return 0; sleep 0.1; done
  die "$1 did not open $2:$3 within $4s"
}

app_port() {
  case "$1" in
    gateway) echo 8000 ;; ticket-service) echo 8101 ;; agent-service) echo 8102 ;;
    assignment-rule-service) echo 8103 ;; sla-service) echo 8104 ;; metrics-worker) echo 8105 ;;
    knowledge-service) echo 8106 ;;
    realtime) echo 9000 ;;
  esac
}
