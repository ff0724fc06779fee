// Queue mode under test, on the machine's real PostgreSQL and Redis: the web side (API services,
// socket.io with the Redis adapter) runs in the test process with LLMTEAM_WORKERS=0, the workers
// are real `src/server/worker.ts` processes the tests can kill -9. Every suite has its own
// PostgreSQL schema and Redis key prefix, so suites run side by side on the shared servers.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server as HttpServer } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { io as connectSocket, type Socket } from "socket.io-client";
import { setAppContext, type AppContext } from "../../src/server/app-context";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import { bootCore } from "../../src/server/boot";
import { parseConfig } from "../../src/server/config/env";
import { attachSocketServer } from "../../src/server/realtime/socket-server";
import type { RunServiceContext } from "../../src/server/services/context";
import type { QueueSchedules } from "../../src/server/queue/schedule-queue";
import { scheduledRunStarter } from "../../src/server/runtime/schedule-fire";
import { saveSegmentRevision } from "../../src/server/services/save-segment-revision";
import { SOCKET_EVENTS, SOCKET_PATH } from "../../src/shared/events/socket-protocol";
import type { RunEvent } from "../../src/shared/events";
import type { SegmentInput } from "../../src/shared/segment";
import { dropSchema, isolatedPostgresUrl, tempDir } from "../helpers/test-database";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export type QueueEnv = { databaseUrl: string; schema: string; redisUrl: string; prefix: string; dataDir: string };

export function queueEnv(redisUrl = REDIS_URL): QueueEnv {
  const { url, schema } = isolatedPostgresUrl();
  return { databaseUrl: url, schema, redisUrl, prefix: `t${process.pid}${Math.random().toString(36).slice(2, 8)}`, dataDir: tempDir() };
}

/** The environment a web or worker process of this suite gets. */
export function processEnv(env: QueueEnv, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "test",
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    LLMTEAM_QUEUE_PREFIX: env.prefix,
    LLMTEAM_DATA_DIR: env.dataDir,
    LLMTEAM_SEED_EXAMPLES: "off",
    LLMTEAM_LOG_LEVEL: "silent",
    LLMTEAM_RUN_LEASE_SECONDS: "2",
    LLMTEAM_WORKER_METRICS_PORT: "0",
    LLMTEAM_SHUTDOWN_GRACE_SECONDS: "1",
    ...extra,
  };
}

export type QueueWeb = {
  app: AppContext;
  /** The cron schedules mirrored into BullMQ, as main.ts starts them. */
  schedules: QueueSchedules;
  services: RunServiceContext;
  url: string;
  save(document: SegmentInput): Promise<void>;
  close(): Promise<void>;
};

/** The web side of queue mode in this process: no advances here (LLMTEAM_WORKERS=0 unless given). */
export async function startQueueWeb(env: QueueEnv, extra: Record<string, string> = {}): Promise<QueueWeb> {
  const config = parseConfig(processEnv(env, { LLMTEAM_WORKERS: "0", ...extra }));
  const app = await bootCore(config, { role: "web" });
  setAppContext(app);
  const http: HttpServer = createServer((_req, res) => res.writeHead(404).end());
  const io = attachSocketServer(http, { events: app.runtime.events, runs: app.db.runStore });
  app.queue!.attachSocketServer(io, app.runtime);
  if (config.workers > 0) await app.queue!.runAdvances({ engine: app.runtime.engine, repos: app.db.repos, concurrency: config.workers });
  const schedules = await app.queue!.schedules({
    repos: app.db.repos,
    deps: { repos: app.db.repos, startRun: scheduledRunStarter(app.db.repos, app.runtime.engine), onError: () => {} },
    fires: config.workers > 0,
  });
  app.schedules = schedules;
  schedules.start();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const services: RunServiceContext = { repos: app.db.repos, principal: LOCAL_OWNER, engine: app.runtime.engine };
  return {
    app,
    schedules,
    services,
    url,
    save: async (document) => void (await saveSegmentRevision(services, { document })),
    async close() {
      await app.queue!.drain(app.runtime.engine, 1000);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await app.queue!.close();
      setAppContext(undefined);
      await app.db.close();
    },
  };
}

export type WorkerProcess = { child: ChildProcess; metricsPort: number; output: () => string; exited: Promise<number | null> };

/** A real worker process (`src/server/worker.ts`); resolves once it serves its metrics. */
export async function spawnWorker(env: QueueEnv, extra: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/worker.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...processEnv(env, extra) } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const port = /metrics on http:\/\/[^:]+:(\d+)\/metrics/.exec(output)?.[1];
    if (port) return { child, metricsPort: Number(port), output: () => output, exited };
    if (child.exitCode !== null) throw new Error(`the worker exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the worker did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function stopWorker(worker: WorkerProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill(signal);
  return worker.exited;
}

/** A browser-equivalent socket.io client following one run from the start: every run.event, in arrival order. */
export async function followRun(url: string, runId: string): Promise<{ events: RunEvent[]; socket: Socket; waitFor(type: string, stepId?: string, timeoutMs?: number): Promise<RunEvent> }> {
  const socket = connectSocket(url, { path: SOCKET_PATH, transports: ["websocket"], forceNew: true });
  const events: RunEvent[] = [];
  const waiters = new Set<() => void>();
  const receive = (event: RunEvent) => {
    events.push(event);
    for (const waiter of waiters) waiter();
  };
  socket.on(SOCKET_EVENTS.runEvent, receive);
  socket.on(SOCKET_EVENTS.runEvents, (batch: RunEvent[]) => batch.forEach(receive));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect_error", reject);
    socket.emit(SOCKET_EVENTS.subscribe, { run_id: runId, after_seq: 0 }, (ack: { ok: boolean }) => (ack.ok ? resolve() : reject(new Error(JSON.stringify(ack)))));
  });
  return {
    events,
    socket,
    waitFor(type, stepId, timeoutMs = 30_000) {
      const find = () => events.find((e) => e.type === type && (stepId === undefined || e.step_id === stepId));
      const found = find();
      if (found) return Promise.resolve(found);
      return new Promise<RunEvent>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${type}${stepId ? ` of ${stepId}` : ""} within ${timeoutMs} ms; got ${events.map((e) => `${e.seq}:${e.type}`).join(", ")}`));
        }, timeoutMs);
        const check = () => {
          const event = find();
          if (!event) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(event);
        };
        waiters.add(check);
      });
    },
  };
}

/** Drops the suite's schema and Redis keys. */
export async function cleanupQueueEnv(env: QueueEnv): Promise<void> {
  await dropSchema(env.schema).catch(() => {});
  const redis = new Redis(env.redisUrl, { maxRetriesPerRequest: 1, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${env.prefix}:*`, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}

/** A port nothing listens on right now (taken and released): for a server of the test's own, or to stay closed. */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
