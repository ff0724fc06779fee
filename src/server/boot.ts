// Starts everything but the web layer: configuration, database (migrations
// applied), example data. Shared by the server, the CLI and tests, so each
// failure has one clear message wherever it happens.
import { LOCAL_OWNER } from "./auth/principal";
import type { AppContext } from "./app-context";
import { LinkSecretError } from "./approvals/link-secret";
import { ConfigError, getConfig, type Config } from "./config/env";
import { DataDirLockedError } from "./db/data-dir-lock";
import { MigrationError } from "./db/migrate";
import { DatabaseConnectionError, openDatabase } from "./db/open-database";
import { SchemaNotReadyError, waitForSchema } from "./db/schema-ready";
import { QueueMode } from "./queue/queue-mode";
import { RedisConnectionError } from "./queue/redis-connection";
import { createEngineRuntime } from "./runtime/engine-runtime";
import { seedExamples } from "./seed/seed-examples";
import { ensureOwnerFromConfig } from "./services/auth/accounts";

export type BootOptions = {
  /**
   * `web` and `worker` run in queue mode when REDIS_URL is set (advances scheduled on BullMQ);
   * `inline` (the CLI, tests) always advances its runs in this process.
   */
  role?: "web" | "worker" | "inline";
};

export async function bootCore(
  config: Config = getConfig(),
  options: BootOptions = {},
): Promise<AppContext & { seeded: string[]; resumed: number }> {
  const role = options.role ?? "inline";
  // Workers leave migrations to the web process (see schema-ready.ts) and wait for them.
  const worker = role === "worker";
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, migrate: !worker });
  let queue: QueueMode | undefined;
  try {
    if (worker) await waitForSchema(db, { onWait: (pending) => console.log(`Waiting for the web process to apply ${pending.length} migration(s)…`) });
    let seeded: string[] = [];
    if (!worker) {
      // "First start" = this open created the schema; deleting every segment later doesn't bring examples back.
      const freshDatabase = db.appliedMigrations.length > 0 && (await db.repos.segments.count()) === 0;
      seeded = config.seedExamples && freshDatabase ? await seedExamples({ repos: db.repos, principal: LOCAL_OWNER }) : [];
      if (config.auth === "on" && config.owner) {
        const outcome = await ensureOwnerFromConfig(db.repos, config.owner);
        if (outcome !== "unchanged") console.log(`Owner ${config.owner.email} ${outcome} from LLMTEAM_OWNER_EMAIL/LLMTEAM_OWNER_PASSWORD`);
      }
      await db.repos.sessions.deleteExpired(new Date());
    }
    if (config.redisUrl && role !== "inline") queue = await QueueMode.open(config, `${role}-${process.pid}`);
    const runtime = createEngineRuntime(db, {
      llms: config.llms,
      leaseMs: config.leaseMs,
      owner: `${role}-${process.pid}`,
      ...(queue ? { scheduler: queue.scheduler } : {}),
    });
    // Runs interrupted by a stop or crash continue: completed steps are never re-executed.
    const resumed = await runtime.recover();
    return { config, db, runtime, ...(queue ? { queue } : {}), startedAt: new Date(), seeded, resumed };
  } catch (err) {
    await queue?.close().catch(() => {});
    await db.close().catch(() => {});
    throw err;
  }
}

/** Known startup failures print their message alone; anything else keeps its stack. */
export function describeStartupError(err: unknown): string {
  if (
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof MigrationError ||
    err instanceof DatabaseConnectionError ||
    err instanceof LinkSecretError ||
    err instanceof RedisConnectionError ||
    err instanceof SchemaNotReadyError
  ) {
    return err.message;
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
