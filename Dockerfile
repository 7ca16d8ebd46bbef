# One image for every app of the helpdesk backend. APP selects the app to run:
#   docker build --build-arg APP=gateway -t helpdesk-gateway .
#   docker run -e APP=ticket-service helpdesk-gateway     (APP can also be changed at run time)
#   docker run helpdesk-gateway node apps/ticket-service/dist/main.js migrate

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app

# Every workspace package.json, laid out as in the repository. The dependency
# layers below depend only on this stage's output, so they stay cached until a
# manifest or the lockfile changes, whatever else was edited.
FROM base AS manifests
COPY . /src
RUN set -eu; \
    mkdir /manifests; \
    cd /src; \
    cp package.json package-lock.json /manifests/; \
    for manifest in apps/*/package.json libs/*/*/package.json tools/*/package.json; do \
      [ -f "$manifest" ] || continue; \
      mkdir -p "/manifests/$(dirname "$manifest")"; \
      cp "$manifest" "/manifests/$manifest"; \
    done

FROM base AS build
COPY --from=manifests /manifests/ ./
RUN npm ci --no-audit --no-fund
COPY . .
# Keep only what runs: each app's and each library's compiled dist, without
# compiled tests and build metadata.
RUN set -eu; \
    npm run build; \
    mkdir /out; \
    for dist in apps/*/dist libs/*/*/dist; do \
      [ -d "$dist" ] || continue; \
      mkdir -p "/out/$(dirname "$dist")"; \
      cp -a "$dist" "/out/$dist"; \
    done; \
    find /out -type f \( -name '*.spec.js' -o -name '*.spec.js.map' -o -name '*.spec.d.ts' \
      -o -name '*.spec.d.ts.map' -o -name '*.tsbuildinfo' \) -delete

FROM base AS runtime
ENV NODE_ENV=production
# Production dependencies only; workspace packages are linked by npm workspaces
# and resolve to the dist folders copied below.
COPY --from=manifests /manifests/ ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# Files stay owned by root: the app only reads them.
COPY --from=build /out/ ./

# Declared last so that images for different apps share every layer above.
ARG APP=gateway
ENV APP=${APP}
EXPOSE 8000 8101 8102 8103 8104 8105 9000
# uid/gid 1000; Kubernetes manifests set runAsUser: 1000 to match.
USER node
# exec: node becomes PID 1 and receives SIGTERM directly for graceful shutdown.
CMD ["sh","-c","exec node apps/$APP/dist/main.js"]
