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
import { createEngineRuntime } from "./runtime/engine-runtime";
import { seedExamples } from "./seed/seed-examples";
import { ensureOwnerFromConfig } from "./services/auth/accounts";

export async function bootCore(
  config: Config = getConfig(),
): Promise<AppContext & { seeded: string[]; resumed: number }> {
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    // "First start" = this open created the schema; deleting every segment later doesn't bring examples back.
    const freshDatabase = db.appliedMigrations.length > 0 && (await db.repos.segments.count()) === 0;
    const seeded =
      config.seedExamples && freshDatabase ? await seedExamples({ repos: db.repos, principal: LOCAL_OWNER }) : [];
    if (config.auth === "on" && config.owner) {
      const outcome = await ensureOwnerFromConfig(db.repos, config.owner);
      if (outcome !== "unchanged") console.log(`Owner ${config.owner.email} ${outcome} from LLMTEAM_OWNER_EMAIL/LLMTEAM_OWNER_PASSWORD`);
    }
    await db.repos.sessions.deleteExpired(new Date());
    const runtime = createEngineRuntime(db, { llms: config.llms });
    // Runs interrupted by a stop or crash continue: completed steps are never re-executed.
    const resumed = await runtime.recover();
    return { config, db, runtime, startedAt: new Date(), seeded, resumed };
  } catch (err) {
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
    err instanceof LinkSecretError
  ) {
    return err.message;
  }
  return err instanceof Error ? (err.stack ?? err.message) : String(err);
}
