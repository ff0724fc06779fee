// `npm run db:migrate`: applies pending migrations to the configured database
// (PGlite under LLMTEAM_DATA_DIR, or DATABASE_URL) and exits.
import { describeStartupError } from "../boot";
import { getConfig } from "../config/env";
import { openDatabase } from "./open-database";

try {
  const config = getConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  console.log(
    db.appliedMigrations.length
      ? `Applied ${db.appliedMigrations.length} migration(s): ${db.appliedMigrations.join(", ")}`
      : `Database is up to date (${db.kind}).`,
  );
  await db.close();
  // The WASM schema engine keeps a timer alive for ~10 s after use; nothing is left to do.
  process.exit(0);
} catch (err) {
  console.error(`Migration failed: ${describeStartupError(err)}`);
  process.exit(1);
}
