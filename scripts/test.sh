#!/usr/bin/env bash
# The full test suite: format, lint, type-check/build, then every test tier against the real
# Postgres, Redis and NATS (each test file makes its own database and NATS namespace).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bash scripts/infra.sh
log "format";     npx prettier --check . --log-level warn
# The module-boundary rule reads Nx's project graph, which `npm run lint` computes first.
export NX_NO_CLOUD=true
log "lint";       npm run --silent lint
log "type-check and build"; npx tsc -b tsconfig.json

mapfile -t specs < <(find apps libs tools -path '*/node_modules' -prune -o -path '*/dist/*' -name '*.spec.js' -print | sort)
[[ ${#specs[@]} -gt 0 ]] || die "no compiled test files found"
# unit specs first: they fail fastest
mapfile -t ordered < <(printf '%s\n' "${specs[@]}" | grep '\.unit\.spec\.js$'; printf '%s\n' "${specs[@]}" | grep -v '\.unit\.spec\.js$')
log "running ${#ordered[@]} test files"
node --test --test-concurrency=2 --test-reporter="$ROOT/scripts/test-reporter.mjs" "${ordered[@]}"
