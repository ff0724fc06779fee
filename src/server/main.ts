// The LLMTeam server: one Node process, one port, serving the Next.js app,
// its API routes and socket.io. Run with `npm start` (production build) or
// `npm run dev`. Bootstrap only: the work happens in boot.ts and below.
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { setAppContext } from "./app-context";
import { stampClientIp } from "./approvals/link-rate-limit";
import { startApprovals } from "./approvals/start-approvals";
import { ScheduleRunner } from "./runtime/schedule-runner";
import { startRun } from "./services/runs/start-run";
import { bootCore, describeStartupError } from "./boot";
import { attachSocketServer } from "./realtime/socket-server";
import { startRetention } from "./runtime/retention";
import { gatePage, setSecurityHeaders } from "./auth/http-gate";

const dev = process.argv.includes("--dev");
/** Who scheduled runs are "created_by". */
const SCHEDULER_PRINCIPAL = { id: "system:schedule", kind: "owner", displayName: "Schedule" } as const;
const root = path.resolve(import.meta.dirname, "../..");

async function main() {
  const core = await bootCore();
  const { config, db } = core;
  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    await db.close();
    throw new Error("The web app is not built: run `npm run build` (or `npm start`, which builds when needed).");
  }
  setAppContext(core);

  const app = next({ dev, dir: root, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const httpServer = createServer((req, res) => {
    // The approval-link rate limit keys on the peer address; a client cannot set this header.
    stampClientIp(req);
    setSecurityHeaders(res);
    gatePage(req, res, core).then(
      (answered) => {
        if (!answered) void handle(req, res);
      },
      (err: unknown) => {
        console.error("[auth] the page gate failed:", err);
        res.statusCode = 500;
        res.end("Internal error");
      },
    );
  });
  const io = attachSocketServer(httpServer, { events: core.runtime.events, runs: db.runStore, publicUrl: config.publicUrl });
  const stopRetention = startRetention(db.repos, config.runRetentionDays);
  const approvals = startApprovals({ config, events: core.runtime.events });
  const schedules = new ScheduleRunner({
    repos: db.repos,
    // Scheduled runs start like any other, on the latest saved revision, as the system.
    startRun: (segmentId, input) =>
      startRun({ repos: db.repos, engine: core.runtime.engine, principal: SCHEDULER_PRINCIPAL }, { segment_id: segmentId, input }),
  });
  core.schedules = schedules;
  schedules.start();

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const where = config.databaseUrl ? "PostgreSQL" : `embedded PGlite in ${config.dataDir}`;
  console.log(`LLMTeam Canvas ${config.version} on http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port} (${where}${dev ? ", dev" : ""})`);
  if (core.db.appliedMigrations.length) console.log(`Applied migrations: ${core.db.appliedMigrations.join(", ")}`);
  if (core.seeded.length) console.log(`Created example segments: ${core.seeded.join(", ")}`);
  if (core.resumed) console.log(`Resuming ${core.resumed} unfinished run(s)`);
  if (config.auth === "off") {
    console.warn("LLMTEAM_AUTH=off: access control is off, every request acts as the local owner.");
  } else if (!(await db.repos.users.findOwner())) {
    console.log(`No owner yet: open ${config.publicUrl}/setup to create one (or set LLMTEAM_OWNER_EMAIL and LLMTEAM_OWNER_PASSWORD).`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    stopRetention();
    await schedules.stop();
    await approvals.stop();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    // Steps in flight get a few seconds to commit; anything cut off reruns as a new attempt on the next start.
    await core.runtime.stop(5000);
    await db.close().catch(() => {});
    setAppContext(undefined);
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(`LLMTeam could not start: ${describeStartupError(err)}`);
  process.exit(1);
});
