// Queue-mode workers do not migrate: the web process does (and seeds the examples of a fresh
// database, which it can only tell apart if it applied the first migration itself). A worker
// started beside it waits until every migration it knows is applied.
import { loadMigrationList } from "./schema-engine";
import type { Database } from "./open-database";

export class SchemaNotReadyError extends Error {
  constructor(pending: string[], waitedMs: number) {
    super(
      `The database schema is missing ${pending.length} migration(s) (${pending.join(", ")}) after ${Math.round(waitedMs / 1000)} s: ` +
        "start the web process (npm start) or run `npm run db:migrate` with the same DATABASE_URL, then start the worker again.",
    );
    this.name = "SchemaNotReadyError";
  }
}

async function pendingMigrations(db: Database, known: string[]): Promise<string[]> {
  const applied = await db.prisma
    .$queryRawUnsafe<{ migration_name: string }[]>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL")
    .catch(() => []); // no table yet: nothing applied
  const done = new Set(applied.map((row) => row.migration_name));
  return known.filter((name) => !done.has(name));
}

/** Resolves once every local migration is applied; `onWait` is told once if it has to wait. */
export async function waitForSchema(db: Database, options: { timeoutMs?: number; onWait?: (pending: string[]) => void } = {}): Promise<void> {
  const known = (await loadMigrationList()).migrationDirectories.map((dir) => dir.path);
  const started = Date.now();
  let told = false;
  for (;;) {
    const pending = await pendingMigrations(db, known);
    if (pending.length === 0) return;
    const waited = Date.now() - started;
    if (waited >= (options.timeoutMs ?? 120_000)) throw new SchemaNotReadyError(pending, waited);
    if (!told) options.onWait?.(pending);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
