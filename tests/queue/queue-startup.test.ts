// Queue mode's startup refusals: each names the variable and what to do.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/server/config/env";
import { openDatabase } from "../../src/server/db/open-database";
import { cleanupQueueEnv, freePort, processEnv, queueEnv } from "./support";


const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe("queue mode configuration", () => {
  it("REDIS_URL without DATABASE_URL stops startup: PGlite belongs to one process", () => {
    expect(problemsOf({ REDIS_URL: "redis://127.0.0.1:6379" })).toEqual([expect.stringMatching(/^REDIS_URL: queue mode needs PostgreSQL: set DATABASE_URL too/)]);
  });

  it("LLMTEAM_WORKERS=0 without REDIS_URL stops startup: nothing would run the steps", () => {
    expect(problemsOf({ LLMTEAM_WORKERS: "0" })).toEqual([expect.stringMatching(/^LLMTEAM_WORKERS: 0 needs queue mode/)]);
  });

  it("bad numbers name the variable", () => {
    expect(problemsOf({ LLMTEAM_WORKER_CONCURRENCY: "0" })).toEqual(['LLMTEAM_WORKER_CONCURRENCY: must be at least 1 (got "0")']);
    expect(problemsOf({ LLMTEAM_RUN_LEASE_SECONDS: "soon" })).toEqual(['LLMTEAM_RUN_LEASE_SECONDS: must be a number of seconds (got "soon")']);
    expect(problemsOf({ LLMTEAM_QUEUE_PREFIX: "a b" })).toEqual([expect.stringMatching(/^LLMTEAM_QUEUE_PREFIX: must be 1–64 letters/)]);
  });

  it("defaults: 4 advances in the web process in queue mode, 16 per worker, a 30 s lease", () => {
    const config = parseConfig({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://127.0.0.1/x" });
    expect([config.workers, config.workerConcurrency, config.leaseMs, config.queuePrefix]).toEqual([4, 16, 30_000, "llmteam"]);
  });

  it("npm run worker without REDIS_URL says what it needs and exits 1", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/worker.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("REDIS_URL: `npm run worker` runs queue mode's workers and needs REDIS_URL (and DATABASE_URL)");
  }, 40_000);

  it("a worker whose Redis does not answer at startup says which Redis and exits 1", async () => {
    const env = queueEnv(`redis://127.0.0.1:${await freePort()}`);
    // A migrated schema, as the web process leaves it: only Redis is missing.
    const db = await openDatabase({ dataDir: env.dataDir, databaseUrl: env.databaseUrl });
    await db.close();
    try {
      const result = spawnSync(process.execPath, ["--import", "tsx", "src/server/worker.ts"], {
        cwd: root,
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...processEnv(env) } as unknown as NodeJS.ProcessEnv,
        encoding: "utf8",
        timeout: 40_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/Cannot reach Redis at 127\.0\.0\.1:\d+ \(from REDIS_URL\) within 10 s/);
      expect(result.stderr).not.toMatch(/^\s+at /m); // the message alone, no stack
    } finally {
      await cleanupQueueEnv(env).catch(() => {}); // drops the schema first; there is no Redis to clean
    }
  }, 60_000);
});
