// The LLMTeam server: one Node process, one port, serving the Next.js app,
// its API routes and socket.io. Run with `npm start` (production build) or
// `npm run dev`. Bootstrap only: the work happens in boot.ts and below.
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { setAppContext } from "./app-context";
import { stampClientIp } from "./approvals/link-rate-limit";
import { startApprovals } from "./approvals/start-approvals";
import { scheduledRunStarter } from "./runtime/schedule-fire";
import { ScheduleRunner } from "./runtime/schedule-runner";
import { bootCore, describeStartupError } from "./boot";
import { getConfig } from "./config/env";
import { initLogger } from "./logging/logger";
import { observeHttpRequest, routeLabeler } from "./metrics/http-metrics";
import { serveMetrics } from "./metrics/metrics-endpoint";
import { getMetrics } from "./metrics/registry";
import { stampCorrelationId } from "./observability/correlation";
import { closeRateLimitStores, runStartLimiterFor } from "./rate-limit/run-start-limit";
import { restRoutes } from "./rest/routes";
import { attachSocketServer } from "./realtime/socket-server";
import { startRetention } from "./runtime/retention";
import { gatePage, setSecurityHeaders } from "./auth/http-gate";
import { apiHandlerFor } from "./http/api-routes";
import { sendFetchResponse, toFetchRequest } from "./http/fetch-bridge";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "../..");

/** Writes a fetch Response to a Node response (the /metrics answer). */
async function sendResponse(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

async function main() {
  const logger = initLogger(getConfig());
  const core = await bootCore(getConfig(), { role: "web" });
  const { config, db } = core;
  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    await db.close();
    throw new Error("The web app is not built: run `npm run build` (or `npm start`, which builds when needed).");
  }
  setAppContext(core);
  // Connects the rate-limit store (Redis with REDIS_URL) now rather than on the first run start.
  runStartLimiterFor(config);

  const app = next({ dev, dir: root, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const metrics = getMetrics();
  const routeOf = routeLabeler(restRoutes.map((route) => route.path));
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    const started = process.hrtime.bigint();
    // The approval-link rate limit keys on the peer address; a client cannot set this header.
    stampClientIp(req);
    setSecurityHeaders(res);
    // A valid X-Correlation-ID is kept, anything else replaced: the handlers, the log and the response agree.
    const correlationId = stampCorrelationId(req, res);
    const pathname = (req.url ?? "/").split("?")[0] ?? "/";
    const route = routeOf(pathname);
    // "close" fires for finished and aborted responses alike.
    res.once("close", () => {
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      observeHttpRequest(metrics, { method: req.method ?? "GET", route, status: res.statusCode, durationSeconds });
      // API calls at info, pages and assets at debug.
      const level = res.statusCode >= 500 ? "error" : route.startsWith("/api/") ? "info" : "debug";
      logger[level](
        { method: req.method, route, status: res.statusCode, duration_ms: Math.round(durationSeconds * 1000), correlation_id: correlationId },
        "http request",
      );
    });
    // /metrics checks its own credential (a key or LLMTEAM_METRICS_TOKEN): never the sign-in page.
    if (pathname === "/metrics") {
      serveMetrics({ method: req.method ?? "GET", headers: req.headers }, config)
        .then((response) => sendResponse(res, response))
        .catch((err: unknown) => {
          logger.error({ err, correlation_id: correlationId }, "serving /metrics failed");
          if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
          res.end("metrics unavailable\n");
        });
      return;
    }
    // The API without Next in front (same handlers as its route files): less work per call.
    const api = apiHandlerFor(req.method ?? "GET", pathname);
    if (api) {
      const origin = `http://${req.headers.host ?? `localhost:${config.port}`}`;
      api(toFetchRequest(req, res, origin))
        .then((response) => sendFetchResponse(res, response))
        .catch((err: unknown) => {
          logger.error({ err, correlation_id: correlationId }, "an API request failed");
          if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ error: { code: "internal", message: "Internal error" } }));
        });
      return;
    }
    gatePage(req, res, core).then(
      (answered) => {
        if (!answered) void handle(req, res);
      },
      (err: unknown) => {
        logger.error({ err, correlation_id: correlationId }, "the page gate failed");
        res.statusCode = 500;
        res.end("Internal error");
      },
    );
  };
  const httpServer = createServer(onRequest);
  const io = attachSocketServer(httpServer, { events: core.runtime.events, runs: db.runStore, publicUrl: config.publicUrl });
  // Queue mode: events committed by workers (and other web processes) reach this one's sockets.
  core.queue?.attachSocketServer(io, core.runtime);
  if (core.queue && config.workers > 0) await core.queue.runAdvances({ engine: core.runtime.engine, repos: db.repos, concurrency: config.workers });
  const stopRetention = startRetention(db.repos, config.runRetentionDays);
  // The webhook follows this process's commits only: in queue mode the process that committed
  // `step.waiting` sends it, once.
  const approvals = startApprovals({ config, events: core.runtime.committed });
  // Cron schedules: BullMQ job schedulers in queue mode (one fire across every instance), else
  // the in-process runner. Scheduled runs start like any other, on the latest revision.
  const startScheduled = scheduledRunStarter(db.repos, core.runtime.engine);
  const schedules = core.queue
    ? await core.queue.schedules({
        repos: db.repos,
        deps: { repos: db.repos, startRun: startScheduled, onError: (err) => logger.error({ err }, "schedules: starting a scheduled run failed") },
        fires: config.workers > 0,
      })
    : new ScheduleRunner({ repos: db.repos, startRun: startScheduled });
  core.schedules = schedules;
  schedules.start();

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const where = config.databaseUrl ? "PostgreSQL" : `embedded PGlite in ${config.dataDir}`;
  const mode = core.queue ? `, queue mode: ${config.workers > 0 ? `${config.workers} advances at once here` : "steps run in `npm run worker` processes only"}` : "";
  console.log(`LLMTeam Canvas ${config.version} on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (${where}${mode}${dev ? ", dev" : ""})`);
  if (core.db.appliedMigrations.length) console.log(`Applied migrations: ${core.db.appliedMigrations.join(", ")}`);
  if (core.seeded.length) console.log(`Created example segments: ${core.seeded.join(", ")}`);
  if (core.resumed) console.log(`Resuming ${core.resumed} unfinished run(s)`);
  if (config.auth === "off") {
    logger.warn("LLMTEAM_AUTH=off: access control is off, every request acts as the local owner.");
  } else if (!(await db.repos.users.findOwner())) {
    console.log(`No owner yet: open ${config.publicUrl}/setup to create one (or set LLMTEAM_OWNER_EMAIL and LLMTEAM_OWNER_PASSWORD).`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, `${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs + 10_000);
    force.unref();
    stopRetention();
    await schedules.stop();
    // Steps in flight get the grace period to commit; the runs of those cut off are handed back
    // (queue mode: another worker continues them now; in-process: the next start does) and
    // their interrupted steps run again as new attempts.
    if (core.queue) await core.queue.drain(core.runtime.engine, config.shutdownGraceMs);
    else await core.runtime.stop(config.shutdownGraceMs);
    await approvals.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    await core.queue?.close();
    await db.close().catch(() => {});
    await closeRateLimitStores();
    setAppContext(undefined);
    logger.flush();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`LLMTeam could not start: ${describeStartupError(err)}`);
  process.exit(1);
});
