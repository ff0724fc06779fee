// Applies the committed migrations (prisma/migrations) through the WASM schema
// engine. Used at startup and by `npm run db:migrate`. A failure is turned into
// a MigrationError whose message says what to do.
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { loadMigrationList, NO_FILTERS, openSchemaEngine } from "./schema-engine";

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === "object" && "message" in err) return String(err.message);
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

export async function applyMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  migrationsDir?: string,
): Promise<string[]> {
  const migrationsList = await loadMigrationList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new MigrationError(`No migrations found in ${migrationsList.baseDir}`);
  }
  let engine;
  try {
    engine = await openSchemaEngine(adapterFactory);
  } catch (err) {
    throw new MigrationError(`Could not start the schema engine: ${describe(err)}`, { cause: err });
  }
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  } catch (err) {
    throw new MigrationError(
      `Database migration failed: ${describe(err)}\n` +
        `The database was left as the failed migration found it; fix the cause and start again.`,
      { cause: err },
    );
  } finally {
    engine.free();
  }
}
