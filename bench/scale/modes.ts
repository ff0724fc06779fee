// The four deployments the scale suite measures, each started from a clean database and stopped
// (processes, database, Redis index, data directory) whatever happens:
//   embedded  the web process runs the steps, PGlite in a fresh data directory
//   postgres  the web process runs the steps, PostgreSQL
//   queue-1   the web runs no steps (LLMTEAM_WORKERS=0), 1 worker process, BullMQ on Redis
//   queue-2   the same with 2 worker processes
import { existsSync } from "node:fs";
import { collectGarbage, freePort, rssMb, startProcess, stopProcess, waitHealthy, type Proc } from "./processes";
import { dropDatabase, flushRedis, freshDataDir, freshDatabase, REDIS_URL, removeDataDir } from "./resources";

export type ModeName = "embedded" | "postgres" | "queue-1" | "queue-2";

export type Mode = { name: ModeName; database: "pglite" | "postgres"; workers: number };

export const MODES: readonly Mode[] = [
  { name: "embedded", database: "pglite", workers: 0 },
  { name: "postgres", database: "postgres", workers: 0 },
  { name: "queue-1", database: "postgres", workers: 1 },
  { name: "queue-2", database: "postgres", workers: 2 },
];

export const WORKER_ENTRY = "src/server/worker.ts";

/** A mode that cannot run here (e.g. the worker entry point does not exist yet): reported, not failed. */
export class ModeSkipped extends Error {}

export type Deployment = {
  origin: string;
  web: Proc;
  workers: Proc[];
  /** RSS in MB of the web process and of each worker. */
  rss(): { web: number; workers: number[] };
  /** A full GC in every process (see gc-on-signal.cjs). */
  collectGarbage(): Promise<void>;
  /** The Prometheus endpoints: the web's /metrics, then each worker's. */
  metricsUrls: string[];
  /** Log warnings/errors counted so far, per process. */
  logs(): Record<string, { warnings: number; errors: number; first_errors: string[] }>;
  stop(): Promise<void>;
};

const COMMON_ENV = {
  NODE_ENV: "production",
  HOST: "127.0.0.1",
  LLMTEAM_AUTH: "off",
  LLMTEAM_SECRET: "bench-scale-secret-not-for-production",
  LLMTEAM_SEED_EXAMPLES: "off",
  LLMTEAM_RATE_LIMIT_RUNS_PER_MIN: "0",
  LLMTEAM_LOG_LEVEL: process.env.BENCH_SCALE_LOG_LEVEL ?? "warn",
  // Blank = unset for the server: nothing leaks in from the caller's environment.
  DATABASE_URL: "",
  REDIS_URL: "",
  LLMTEAM_DATA_DIR: "",
  LLMTEAM_WORKERS: "",
};

const databaseName = (mode: Mode) => `llmteam_bench_${mode.name.replace(/-/g, "_")}`;

export async function deploy(mode: Mode): Promise<Deployment> {
  if (mode.workers > 0 && !existsSync(WORKER_ENTRY)) throw new ModeSkipped(`${WORKER_ENTRY} does not exist yet`);
  const cleanups: (() => Promise<void> | void)[] = [];
  const procs: Proc[] = [];
  const stop = async () => {
    // Workers first, so nothing is left mid-advance when the web goes; then the data.
    await Promise.all(procs.slice(1).map((p) => stopProcess(p)));
    if (procs[0]) await stopProcess(procs[0]);
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((err: unknown) => console.error(`scale: cleanup failed: ${String(err)}`));
  };
  try {
    const env: Record<string, string> = { ...COMMON_ENV };
    if (mode.database === "pglite") {
      const dir = freshDataDir();
      cleanups.push(() => removeDataDir(dir));
      env.LLMTEAM_DATA_DIR = dir;
    } else {
      const name = databaseName(mode);
      env.DATABASE_URL = await freshDatabase(name);
      cleanups.push(() => dropDatabase(name));
    }
    if (mode.workers > 0) {
      await flushRedis();
      cleanups.push(() => flushRedis());
      env.REDIS_URL = REDIS_URL;
      env.LLMTEAM_WORKERS = "0";
      // Pub/sub channels ignore the database index: our own prefix keeps another deployment
      // on the same Redis (a developer's server, a test suite) out of the figures.
      env.LLMTEAM_QUEUE_PREFIX = "llmteam-bench-scale";
    }
    const port = await freePort();
    const web = startProcess("web", "src/server/main.ts", { ...env, PORT: String(port) });
    procs.push(web);
    const origin = `http://127.0.0.1:${port}`;
    await waitHealthy(web, `${origin}/api/v1/health`);
    // The web applied the migrations: workers start on a ready schema.
    const metricsUrls = [`${origin}/metrics`];
    for (let i = 0; i < mode.workers; i++) {
      const metricsPort = await freePort();
      metricsUrls.push(`http://127.0.0.1:${metricsPort}/metrics`);
      const worker = startProcess(`worker-${i + 1}`, WORKER_ENTRY, {
        ...env,
        LLMTEAM_WORKERS: "",
        LLMTEAM_WORKER_CONCURRENCY: process.env.BENCH_SCALE_WORKER_CONCURRENCY ?? "16",
        LLMTEAM_WORKER_METRICS_PORT: String(metricsPort),
      });
      procs.push(worker);
      await waitHealthy(worker, `http://127.0.0.1:${metricsPort}/healthz`);
    }
    return {
      origin,
      web,
      workers: procs.slice(1),
      rss: () => ({ web: rssMb(web), workers: procs.slice(1).map(rssMb) }),
      collectGarbage: async () => {
        await Promise.all(procs.map(collectGarbage));
      },
      metricsUrls,
      logs: () =>
        Object.fromEntries(procs.map((p) => [p.name, { warnings: p.log.warnings, errors: p.log.errors, first_errors: p.log.firstErrors }])),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
