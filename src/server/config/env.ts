// Every setting of the server, validated in one place. This is the only module
// that reads process.env (a lint rule enforces it): the rest of the code gets a
// typed, frozen Config. A wrong value fails startup naming the variable.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import packageJson from "../../../package.json";
import { LlmConfigError, parseLlmConfig, type LlmRefConfig } from "./llms";

const onOff = z.enum(["on", "off"]);
const postgresUrl = z
  .string()
  .refine((v) => /^postgres(ql)?:\/\/.+/.test(v), "must be a postgres:// or postgresql:// URL")
  .refine((v) => URL.canParse(v), "is not a valid URL");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: postgresUrl.optional(),
  LLMTEAM_DATA_DIR: z.string().min(1).optional(),
  LLMTEAM_AUTH: onOff.optional(),
  LLMTEAM_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
  LLMTEAM_PUBLIC_URL: z.url().optional(),
  LLMTEAM_OWNER_EMAIL: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).optional(),
  LLMTEAM_OWNER_PASSWORD: z.string().min(8, "must be at least 8 characters").max(1024).optional(),
  LLMTEAM_BOOTSTRAP_API_KEY: z.string().min(24, "must be at least 24 characters").max(512).optional(),
  LLMTEAM_APPROVAL_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
  LLMTEAM_SEED_EXAMPLES: onOff.default("on"),
  LLMTEAM_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  LLMTEAM_RUN_RETENTION_DAYS: z.coerce.number().int().min(1, "must be at least 1 day").default(30),
  LLMTEAM_MAX_BODY_MB: z.coerce
    .number({ error: "must be a number of megabytes" })
    .positive("must be more than 0")
    .max(1024, "must be at most 1024 (1 GB)")
    .default(10),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\/.+/.test(v), "must be a redis:// or rediss:// URL")
    .optional(),
  LLMTEAM_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, "must be 1–64 letters, digits, '_', '.' or '-'")
    .default("llmteam"),
  LLMTEAM_WORKERS: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be 0 (this process runs no steps) or more")
    .max(1000, "must be at most 1000")
    .optional(),
  LLMTEAM_WORKER_CONCURRENCY: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1000, "must be at most 1000")
    .default(16),
  LLMTEAM_WORKER_METRICS_PORT: z.coerce
    .number({ error: "must be a port number" })
    .int("must be a port number")
    .min(0, "must be a port number (0 = any free port)")
    .max(65535, "must be a port number")
    .default(9464),
  LLMTEAM_RUN_LEASE_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .min(1, "must be at least 1 second")
    .max(600, "must be at most 600 seconds")
    .default(30),
  LLMTEAM_SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ error: "must be a number of seconds" })
    .min(0, "must be 0 or more seconds")
    .max(600, "must be at most 600 seconds")
    .default(10),
  LLMTEAM_LLMS: z.string().optional(),
  LLMTEAM_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  LLMTEAM_RATE_LIMIT_RUNS_PER_MIN: z.coerce
    .number({ error: "must be a whole number of runs" })
    .int("must be a whole number of runs")
    .min(0, "must be 0 (no limit) or more")
    .default(60),
});

export type Config = Readonly<{
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  /** Set: PostgreSQL through node-postgres. Unset: embedded PGlite under dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  auth: "on" | "off";
  secret: string | undefined;
  publicUrl: string;
  /** LLMTEAM_OWNER_EMAIL + LLMTEAM_OWNER_PASSWORD: the owner is created (or updated) at startup. */
  owner: { email: string; password: string } | undefined;
  /** Accepted as `Authorization: Bearer …` for the owner, beside the keys made in the app. */
  bootstrapApiKey: string | undefined;
  /** POSTed `approval.pending` when a human step starts waiting (unset: no webhook). */
  approvalWebhookUrl: string | undefined;
  seedExamples: boolean;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** Finished runs older than this are deleted with their events. */
  runRetentionDays: number;
  /** REST request bodies larger than this many megabytes are refused with 413. */
  maxBodyMb: number;
  /**
   * Set: queue mode. Run advances are BullMQ jobs on this Redis, events reach every web process
   * through it, rate limits are counted in it. Needs DATABASE_URL (PGlite is single-process).
   */
  redisUrl: string | undefined;
  /**
   * Advances this web process runs at once: in queue mode its own BullMQ worker's concurrency,
   * 0 = none (only `npm run worker` processes run steps). Without Redis: 1 (the in-process
   * scheduler has no limit of its own).
   */
  workers: number;
  /** Prefix of the queue, channels and socket.io adapter keys in Redis (one per deployment). */
  queuePrefix: string;
  /** Advances one `npm run worker` process runs at once. */
  workerConcurrency: number;
  /** Where `npm run worker` serves /metrics and /healthz (0 = any free port). */
  workerMetricsPort: number;
  /** How long a run's lease lasts without a heartbeat: a crashed worker's runs move on after it. */
  leaseMs: number;
  /** SIGTERM: steps in flight get this long to finish before their runs are handed back. */
  shutdownGraceMs: number;
  /** LLM refs from LLMTEAM_LLMS (keys resolved from the variables they name); `mock` is built in. */
  llms: readonly LlmRefConfig[];
  /** With auth on, GET /metrics accepts `Authorization: Bearer <this>` (or an API key). */
  metricsToken: string | undefined;
  /**
   * Run starts allowed per credential (API key, session; the webhook: per segment and token) in
   * `durationSeconds`; `points: 0` turns the limit off. Counted in Redis when REDIS_URL is set
   * (keys under `keyPrefix`), in memory otherwise. Only `points` comes from the environment.
   */
  runStartLimit: Readonly<{ points: number; durationSeconds: number; keyPrefix: string }>;
  version: string;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Empty strings count as unset: `FOO= npm start` should not mean "FOO is blank". */
function withoutBlanks(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

export function parseConfig(source: Record<string, string | undefined>, version: string = packageJson.version): Config {
  const result = envSchema.safeParse(withoutBlanks(source));
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const value = source[name];
        // Never echo a value that may be a secret or carry a password.
        const shown = /SECRET|PASSWORD|TOKEN|_KEY$|_URL$/.test(name) ? "" : ` (got "${value}")`;
        return `${name}: ${issue.message}${shown}`;
      }),
    );
  }
  const env = result.data;
  let llms: LlmRefConfig[];
  try {
    llms = parseLlmConfig(env.LLMTEAM_LLMS, (file) => readFileSync(file, "utf8"), (name) => source[name]);
  } catch (err) {
    if (err instanceof LlmConfigError) throw new ConfigError(err.problems);
    throw err;
  }
  const production = env.NODE_ENV === "production";
  const auth = env.LLMTEAM_AUTH ?? (production ? "on" : "off");
  const problems: string[] = [];
  if (Boolean(env.LLMTEAM_OWNER_EMAIL) !== Boolean(env.LLMTEAM_OWNER_PASSWORD)) {
    problems.push(
      env.LLMTEAM_OWNER_EMAIL
        ? "LLMTEAM_OWNER_PASSWORD: required with LLMTEAM_OWNER_EMAIL (set both or neither)"
        : "LLMTEAM_OWNER_EMAIL: required with LLMTEAM_OWNER_PASSWORD (set both or neither)",
    );
  }
  // With the embedded database a secret generated once is kept beside the data ($LLMTEAM_DATA_DIR/
  // secret), so `npm start` on a fresh clone works; with PostgreSQL several processes must sign
  // alike and a per-process secret would break every link at restart: it must be given.
  if (production && auth === "on" && env.DATABASE_URL && !env.LLMTEAM_SECRET) {
    problems.push(
      "LLMTEAM_SECRET: required in production with LLMTEAM_AUTH=on and DATABASE_URL (it signs approval links for every server process; generate one with `openssl rand -hex 32`)",
    );
  }
  if (env.REDIS_URL && !env.DATABASE_URL) {
    problems.push(
      "REDIS_URL: queue mode needs PostgreSQL: set DATABASE_URL too (the embedded database, PGlite, belongs to one process, so workers could not share it)",
    );
  }
  if (!env.REDIS_URL && env.LLMTEAM_WORKERS === 0) {
    problems.push("LLMTEAM_WORKERS: 0 needs queue mode (REDIS_URL): without it this process is the only one that runs steps");
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (production ? "0.0.0.0" : "127.0.0.1"),
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.LLMTEAM_DATA_DIR ?? ".data"),
    auth,
    secret: env.LLMTEAM_SECRET,
    publicUrl: (env.LLMTEAM_PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    owner:
      env.LLMTEAM_OWNER_EMAIL && env.LLMTEAM_OWNER_PASSWORD
        ? { email: env.LLMTEAM_OWNER_EMAIL, password: env.LLMTEAM_OWNER_PASSWORD }
        : undefined,
    bootstrapApiKey: env.LLMTEAM_BOOTSTRAP_API_KEY,
    approvalWebhookUrl: env.LLMTEAM_APPROVAL_WEBHOOK_URL,
    seedExamples: env.LLMTEAM_SEED_EXAMPLES === "on",
    logLevel: env.LLMTEAM_LOG_LEVEL,
    runRetentionDays: env.LLMTEAM_RUN_RETENTION_DAYS,
    maxBodyMb: env.LLMTEAM_MAX_BODY_MB,
    redisUrl: env.REDIS_URL,
    workers: env.LLMTEAM_WORKERS ?? (env.REDIS_URL ? 4 : 1),
    queuePrefix: env.LLMTEAM_QUEUE_PREFIX,
    workerConcurrency: env.LLMTEAM_WORKER_CONCURRENCY,
    workerMetricsPort: env.LLMTEAM_WORKER_METRICS_PORT,
    leaseMs: Math.round(env.LLMTEAM_RUN_LEASE_SECONDS * 1000),
    shutdownGraceMs: Math.round(env.LLMTEAM_SHUTDOWN_GRACE_SECONDS * 1000),
    llms,
    metricsToken: env.LLMTEAM_METRICS_TOKEN,
    runStartLimit: Object.freeze({ points: env.LLMTEAM_RATE_LIMIT_RUNS_PER_MIN, durationSeconds: 60, keyPrefix: "llmteam:rate:run-start" }),
    version,
  });
}

let cached: Config | undefined;

/** The process's configuration, parsed from process.env on first use. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** The variables, their defaults and meaning: the README table is checked against this. */
export const ENV_DOCS: Record<keyof z.infer<typeof envSchema>, string> = {
  NODE_ENV: "development | production | test (default development; `npm start` sets production)",
  PORT: "HTTP port for the app, its API and socket.io (default 3000)",
  HOST: "interface to listen on (default 127.0.0.1 in development, 0.0.0.0 in production)",
  DATABASE_URL: "postgres://… switches from the embedded database (PGlite) to PostgreSQL; `?schema=name` selects a schema",
  LLMTEAM_DATA_DIR: "where the embedded database keeps its files (default ./.data)",
  LLMTEAM_AUTH:
    "on | off (default off in development, on in production). on: sign-in for the app, a session or an API key for the API; off: every request acts as the local owner (the UI warns)",
  LLMTEAM_SECRET:
    "secret (≥ 16 chars) that signs approval links; required in production with LLMTEAM_AUTH=on and DATABASE_URL. Otherwise, unset: generated once into $LLMTEAM_DATA_DIR/secret with the embedded database, per process (links die on restart) with DATABASE_URL",
  LLMTEAM_PUBLIC_URL: "public base URL used in links and accepted as the app's own origin (default http://localhost:$PORT); https:// makes the session cookie Secure",
  LLMTEAM_OWNER_EMAIL: "with LLMTEAM_OWNER_PASSWORD: the owner account, created at startup or updated to this password (for automation; otherwise the first visit shows the setup page)",
  LLMTEAM_OWNER_PASSWORD: "the owner's password (≥ 8 chars), see LLMTEAM_OWNER_EMAIL",
  LLMTEAM_BOOTSTRAP_API_KEY: "an API key (≥ 24 chars) accepted as the owner's (`Authorization: Bearer …`), for automation before any key is created in the app",
  LLMTEAM_APPROVAL_WEBHOOK_URL:
    'http(s) URL that receives a POST `{type: "approval.pending", approval, link: {url, expires_at}, run_url}` when a human step starts waiting (5 s timeout, one retry)',
  LLMTEAM_SEED_EXAMPLES: "on | off: create example segments in an empty database (default on)",
  LLMTEAM_LOG_LEVEL: "debug | info | warn | error | silent (default info); JSON lines in production, pretty in development, secrets redacted",
  LLMTEAM_RUN_RETENTION_DAYS: "finished runs older than this many days are deleted with their steps, events and approvals (default 30)",
  LLMTEAM_MAX_BODY_MB: "largest REST API request body in megabytes; larger ones are refused with 413 body_too_large (default 10)",
  REDIS_URL:
    "redis://… switches on queue mode (needs DATABASE_URL): runs advance as BullMQ jobs that `npm run worker` processes (and the web process, see LLMTEAM_WORKERS) take, events reach every web process through Redis, rate limits are counted there; unset: one process runs everything",
  LLMTEAM_WORKERS:
    "queue mode: runs the web process advances at once beside the worker processes (default 4; 0 = none, so the API and sockets stay responsive under load)",
  LLMTEAM_QUEUE_PREFIX: "queue mode: prefix of every Redis key and channel (default llmteam); deployments sharing one Redis need different prefixes",
  LLMTEAM_WORKER_CONCURRENCY: "runs one `npm run worker` process advances at once (default 16)",
  LLMTEAM_WORKER_METRICS_PORT: "port where `npm run worker` serves /metrics and /healthz (default 9464; 0 = any free port, printed at start)",
  LLMTEAM_RUN_LEASE_SECONDS: "how long a run stays with a worker that stopped renewing its lease (crashed) before another takes it over (default 30)",
  LLMTEAM_SHUTDOWN_GRACE_SECONDS: "on SIGTERM, how long steps in flight may take to finish before their runs are handed back to other workers (default 10)",
  LLMTEAM_LLMS:
    'LLM refs for llm_ref besides the built-in "mock": JSON text or the path of a JSON file, {"<ref>": {provider: openai-compatible | openai | anthropic, model, base_url, api_key_env (the NAME of the variable holding the key), price: {input_per_million, output_per_million}}}',
  LLMTEAM_METRICS_TOKEN:
    "bearer token (≥ 16 chars) for GET /metrics when LLMTEAM_AUTH=on (`Authorization: Bearer <token>`; an API key works too); with auth off /metrics is open",
  LLMTEAM_RATE_LIMIT_RUNS_PER_MIN:
    "run starts allowed per minute per credential (API key or session; webhook triggers per segment and token); more answer 429 with Retry-After (default 60, 0 = no limit)",
};
