// Playwright e2e config: Debian's Chromium (`npx playwright install` cannot
// download browsers here), one worker, and a production server on its own
// port with a fresh embedded database, so e2e never touches developer data.
// The server needs a Next build first: `npm run test:e2e` / `npm test` run
// scripts/ensure-chromium.mjs and scripts/ensure-build.mjs before this.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";
import { E2E_BOOTSTRAP_KEY, E2E_OWNER, E2E_SECRET, OWNER_STATE } from "./e2e/credentials";

const root = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
/**
 * E2E_EXTERNAL_URL=http://127.0.0.1:3200 runs the specs against a server that is already
 * running (a dev server while developing) instead of starting a production one.
 */
const external = process.env.E2E_EXTERNAL_URL?.replace(/\/$/, "");
const origin = external ?? `http://127.0.0.1:${port}`;
/** Bearer token of GET /metrics on the e2e server (`metadata.metricsToken`, used by e2e/platform). */
const metricsToken = "e2e-metrics-token-0123456789";
/** Same search order as scripts/ensure-chromium.mjs. */
const chromePath =
  process.env.CHROME_PATH ||
  (["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p)) ?? "/usr/bin/chromium");

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage",
];

/** Where specs write the screenshots they take on purpose (git-ignored). */
export const screenshotDir = path.join(root, "e2e/.output/screenshots");
mkdirSync(screenshotDir, { recursive: true });

// Playwright evaluates this file in the runner and again in each worker: the
// runner makes the data dir and hands it to workers through the environment.
// It is removed when the runner exits (keep it with E2E_KEEP_DATA=1).
let dataDir = process.env.LLMTEAM_E2E_DATA_DIR;
if (!dataDir) {
  const created = mkdtempSync(path.join(os.tmpdir(), "llmteam-e2e-"));
  dataDir = created;
  process.env.LLMTEAM_E2E_DATA_DIR = created;
  if (process.env.E2E_KEEP_DATA !== "1") {
    process.on("exit", () => rmSync(created, { recursive: true, force: true }));
  }
}

/**
 * Queue mode (e2e/queue): a second web process on PostgreSQL + Redis that runs no steps, and a
 * worker process that does. Its own schema in the local database `test`, emptied when the
 * runner starts, and its own Redis key prefix.
 */
const queuePort = port + 50;
const queueOrigin = `http://127.0.0.1:${queuePort}`;
const queueWorkerPort = port + 51;
const queueSchema = `e2e_queue_${port}`;
const queueEnv = {
  NODE_ENV: "production",
  DATABASE_URL: `${process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test"}?schema=${queueSchema}`,
  REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
  LLMTEAM_QUEUE_PREFIX: `e2e-queue-${port}`,
  LLMTEAM_AUTH: "off",
  LLMTEAM_SECRET: E2E_SECRET,
  LLMTEAM_PUBLIC_URL: queueOrigin,
  LLMTEAM_DATA_DIR: path.join(dataDir, "queue"),
  LLMTEAM_LOG_LEVEL: "warn",
  NEXT_TELEMETRY_DISABLED: "1",
};
if (!process.env.LLMTEAM_E2E_QUEUE_RESET && !external) {
  process.env.LLMTEAM_E2E_QUEUE_RESET = "1";
  spawnSync("psql", [queueEnv.DATABASE_URL.split("?")[0]!, "-qc", `DROP SCHEMA IF EXISTS ${queueSchema} CASCADE`], { stdio: "ignore" });
}
const queueServers = [
  {
    command: "node_modules/.bin/tsx src/server/main.ts",
    cwd: root,
    url: `${queueOrigin}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...queueEnv, PORT: String(queuePort), HOST: "127.0.0.1", LLMTEAM_WORKERS: "0", LLMTEAM_SEED_EXAMPLES: "on" },
  },
  {
    command: "node_modules/.bin/tsx src/server/worker.ts",
    cwd: root,
    url: `http://127.0.0.1:${queueWorkerPort}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { ...queueEnv, HOST: "127.0.0.1", LLMTEAM_WORKER_METRICS_PORT: String(queueWorkerPort) },
  },
];

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  // 2 cores and a single embedded database behind one server.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  metadata: { screenshotDir, dataDir, metricsToken, queueOrigin },
  use: {
    baseURL: origin,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  projects: [
    {
      // Access control is on: sign in through the UI once; the others start signed in.
      name: "setup",
      testMatch: /auth\.setup\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromePath, args: chromiumArgs } },
    },
    {
      // Empty states need a database no other spec has written to yet: this runs next.
      name: "fresh-install",
      dependencies: ["setup"],
      testMatch: /fresh-install\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], storageState: OWNER_STATE, launchOptions: { executablePath: chromePath, args: chromiumArgs } },
    },
    {
      name: "chromium",
      dependencies: ["fresh-install"],
      testIgnore: [/fresh-install\//, /queue\//],
      use: {
        ...devices["Desktop Chrome"],
        storageState: OWNER_STATE,
        launchOptions: {
          executablePath: chromePath,
          args: chromiumArgs,
        },
      },
    },
    {
      // Queue mode: its own web process and a worker (see queueServers), access control off.
      name: "queue",
      testMatch: /queue\/.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], baseURL: queueOrigin, launchOptions: { executablePath: chromePath, args: chromiumArgs } },
    },
  ],
  webServer: external
    ? undefined
    : [{
        command: "node_modules/.bin/tsx src/server/main.ts",
      cwd: root,
      url: `${origin}/api/v1/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NODE_ENV: "production",
        PORT: String(port),
        HOST: "127.0.0.1",
        LLMTEAM_DATA_DIR: dataDir,
        LLMTEAM_SEED_EXAMPLES: "on",
        LLMTEAM_PUBLIC_URL: origin,
        // Access control on, as in production: the owner and a key for the API-style specs.
        LLMTEAM_AUTH: "on",
        LLMTEAM_OWNER_EMAIL: E2E_OWNER.email,
        LLMTEAM_OWNER_PASSWORD: E2E_OWNER.password,
        LLMTEAM_SECRET: E2E_SECRET,
        LLMTEAM_BOOTSTRAP_API_KEY: E2E_BOOTSTRAP_KEY,
        // Blank = unset (see src/server/config/env.ts): always the embedded
        // database in dataDir, whatever the developer's shell exports.
        DATABASE_URL: "",
        REDIS_URL: "",
        NEXT_TELEMETRY_DISABLED: "1",
        // One JSON access-log line per API call would bury the test output; warnings and errors stay.
        LLMTEAM_LOG_LEVEL: "warn",
        // Production defaults to LLMTEAM_AUTH=on: /metrics then needs this token (e2e/platform).
        LLMTEAM_METRICS_TOKEN: metricsToken,
        // The specs start runs back to back as one principal: keep the run-start limit out of their way.
        LLMTEAM_RATE_LIMIT_RUNS_PER_MIN: "10000",
      },
    }, ...queueServers],
});
