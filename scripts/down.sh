#!/usr/bin/env bash
# Stops the apps `npm start` started (SIGTERM: each drains and exits cleanly).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
quiet=${1:-}
shopt -s nullglob
pids=()
for file in "$STATE_DIR"/pids/*.pid; do
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" && pids+=("$pid"); fi
  rm -f "$file"
done
for pid in "${pids[@]}"; do
  for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
done
[[ "$quiet" == --quiet ]] || log "stopped ${#pids[@]} app(s)"
