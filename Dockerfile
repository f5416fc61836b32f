# syntax=docker/dockerfile:1
#
# FocalNet images. Two targets:
#   runtime  (default, the last stage)  no database inside; set MONGODB_URI to a MongoDB replica set
#   embedded (--target embedded)        also carries the embedded FerretDB, for development and
#                                       small single-node installs (DATA_DIR=/data on a volume)
#
#   docker build -t focalnet .
#   docker build --target embedded -t focalnet:embedded .
#
# Nothing secret is baked in: JWT_SECRET, OPAQUE_SERVER_SETUP, … come from the environment or from
# files named by X_FILE at run time (deploy/docker-entrypoint.sh).

ARG NODE_IMAGE=node:20.20-bookworm-slim
ARG GO_IMAGE=golang:1.24-bookworm

# ---- client: every dependency (vite, react…) to build the web client --------------------------
FROM ${NODE_IMAGE} AS client
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: postinstall would build FerretDB, which this stage has no use for; vite needs
# no install script (esbuild finds its platform package; argon2 is not loaded here).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY shared ./shared
COPY client ./client
RUN npm run build:client

# ---- production dependencies only: tsx (the server runs TypeScript), express, mongoose… -------
FROM ${NODE_IMAGE} AS prod-deps
# argon2 is compiled here (the one install script the server needs, allowScripts): its prebuilt
# linux-x64 binary crashed on load (SIGSEGV) on Debian bookworm with Node 20 when tried. The
# compilers stay in this stage; only node_modules moves on.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
    && rm -rf node_modules/argon2/prebuilds && npm rebuild argon2 \
    && node -e "import('argon2').then((a) => a.hash('check')).then(() => console.log('argon2 loads'))" \
    && npm cache clean --force

# ---- FerretDB built the project's way (module proxy download, version file, patches) ----------
FROM ${NODE_IMAGE} AS node-binary
FROM ${GO_IMAGE} AS ferretdb
COPY --from=node-binary /usr/local/bin/node /usr/local/bin/node
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY server/db/ferretdb-paths.ts ./server/db/
COPY scripts/install-ferretdb.ts ./scripts/
COPY scripts/ferretdb ./scripts/ferretdb
# CI=1 makes the installer fail the build instead of explaining and carrying on.
RUN FOCALNET_TOOLS_DIR=/opt/focalnet/tools CI=1 node --import tsx scripts/install-ferretdb.ts \
    && test -x /opt/focalnet/tools/bin/ferretdb

# ---- what both targets run ---------------------------------------------------------------------
FROM ${NODE_IMAGE} AS app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY shared ./shared
COPY server ./server
# The command line (npm run cli -- backup …) imports the SDK's OPAQUE client for seed:demo.
COPY scripts/cli.ts ./scripts/
COPY scripts/cli ./scripts/cli
COPY client/sdk ./client/sdk
COPY --from=client /app/client/dist ./client/dist
COPY deploy/docker-entrypoint.sh /usr/local/bin/focalnet-entrypoint
# The code stays root-owned and read-only for the server; only DATA_DIR is its own.
RUN chmod 0755 /usr/local/bin/focalnet-entrypoint \
    && mkdir -p /data && chown 1000:1000 /data && chmod 0700 /data
EXPOSE 3000 9464
# /api/ready answers 503 while the database does not answer; no curl in slim images, so Node's fetch.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
ENTRYPOINT ["focalnet-entrypoint"]
# `npm start` without its prestart (the client is built above) and without npm in between, so
# SIGTERM reaches the server; the V8 flags are server/node-flags.ts's (a test keeps them in step).
CMD ["node", "--max-semi-space-size=64", "--no-allocation-site-pretenuring", "--import", "tsx", "server/main.ts"]

# ---- embedded: the app with FerretDB; data in /data (mount a volume there) ---------------------
FROM app AS embedded
COPY --from=ferretdb /opt/focalnet/tools /opt/focalnet/tools
ENV FOCALNET_TOOLS_DIR=/opt/focalnet/tools
VOLUME ["/data"]
USER 1000:1000

# ---- runtime (default): the app alone, MONGODB_URI required in practice -----------------------
FROM app AS runtime
USER 1000:1000
