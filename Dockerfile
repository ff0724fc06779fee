# LLMTeam Canvas. One image, two roles:
#   web (the default CMD): the Next.js app, its API and socket.io on port 3000;
#   worker (queue mode, REDIS_URL + DATABASE_URL): command `node --import tsx src/server/worker.ts`,
#     /healthz and /metrics on 9464 (LLMTEAM_WORKER_METRICS_PORT). The HEALTHCHECK below is the
#     web's: give a worker its own (docker-compose.yml does).
#   docker compose up        (see docker-compose.yml: app + worker + PostgreSQL + Redis)
# Without DATABASE_URL the web uses its embedded database (PGlite) under /app/.data.
# Both roles start with `node --import tsx`, not npx/npm: node is then PID 1 and gets SIGTERM
# itself (npm and npx do not pass it on), so a stop lets steps in flight finish.

# --- build: install, generate the Prisma client, build Next, drop dev deps ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so the layer is reused while only sources change.
# (npm install's postinstall runs scripts/prisma-generate.mjs, which needs prisma/.)
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
# npm install, not npm ci: see .ci/run (optional platform packages missing from the lock).
RUN npm install --no-audit --no-fund
COPY . .
RUN mkdir -p public \
 && node scripts/prisma-generate.mjs \
 && node scripts/ensure-build.mjs --force \
 && npm prune --omit=dev --no-audit --no-fund

# --- runtime ---
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    NEXT_TELEMETRY_DISABLED=1
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json /app/tsconfig.json /app/next.config.js ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/.next ./.next
COPY --from=build --chown=node:node /app/public ./public
COPY --from=build --chown=node:node /app/prisma ./prisma
COPY --from=build --chown=node:node /app/src ./src
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000 9464
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
CMD ["node", "--import", "tsx", "src/server/main.ts"]
