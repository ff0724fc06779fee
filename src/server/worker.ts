// `npm run worker`: a queue-mode worker process. It runs run advances taken from the BullMQ
// queue (LLMTEAM_WORKER_CONCURRENCY at once), sends the events it commits to every web process
// through Redis, and serves /metrics and /healthz on LLMTEAM_WORKER_METRICS_PORT. Bootstrap only:
// the work happens in queue/ and the engine. Needs REDIS_URL and DATABASE_URL.
import { startApprovals } from "./approvals/start-approvals";
import { bootCore, describeStartupError } from "./boot";
import { ConfigError, getConfig } from "./config/env";
import { initLogger } from "./logging/logger";
import { startWorkerHttp } from "./queue/worker-http";
import { scheduledRunStarter } from "./runtime/schedule-fire";

async function main() {
  const config = getConfig();
  const logger = initLogger(config);
  if (!config.redisUrl) {
    throw new ConfigError(["REDIS_URL: `npm run worker` runs queue mode's workers and needs REDIS_URL (and DATABASE_URL); without them `npm start` runs everything in one process"]);
  }
  const core = await bootCore(config, { role: "worker" });
  const queue = core.queue!;
  const { db, runtime } = core;
  queue.relayToWebProcesses(runtime.committed);
  // The approval webhook for the steps this worker parks (LLMTEAM_APPROVAL_WEBHOOK_URL).
  const approvals = startApprovals({ config, events: runtime.committed });
  await queue.runAdvances({ engine: runtime.engine, repos: db.repos, concurrency: config.workerConcurrency });
  // Fires of cron schedules (the web processes mirror the schedules into BullMQ).
  await queue.schedules({
    repos: db.repos,
    deps: { repos: db.repos, startRun: scheduledRunStarter(db.repos, runtime.engine), onError: (err) => logger.error({ err }, "schedules: starting a scheduled run failed") },
    fires: true,
  });
  const http = await startWorkerHttp({
    port: config.workerMetricsPort,
    host: config.host,
    metricsToken: config.metricsToken,
    async health() {
      const problems: string[] = [];
      if (!queue.ready()) problems.push("redis: unreachable");
      await db.ping().catch((err: unknown) => problems.push(`db: ${(err as Error).message}`));
      return { ok: problems.length === 0, problems };
    },
  });
  console.log(
    `LLMTeam worker ${config.version}: ${config.workerConcurrency} advances at once, metrics on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${http.port}/metrics`,
  );
  if (core.resumed) console.log(`Queued ${core.resumed} unfinished run(s)`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, `${signal}: worker stopping`);
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs + 10_000);
    force.unref();
    const handedBack = await queue.drain(runtime.engine, config.shutdownGraceMs);
    if (handedBack > 0) console.log(`Handed ${handedBack} run(s) back to the other workers`);
    await approvals.stop();
    await queue.close();
    await new Promise<void>((resolve) => http.server.close(() => resolve()));
    await db.close().catch(() => {});
    logger.flush();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`LLMTeam worker could not start: ${describeStartupError(err)}`);
  process.exit(1);
});
