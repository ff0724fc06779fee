// The Prisma run store over a real test database (a temp PGlite dir or a PostgreSQL schema),
// with the contract's segments saved, and a restart that closes and reopens the database.
import { rmSync } from "node:fs";
import type { Database } from "../../src/server/db/open-database";
import { openDatabase } from "../../src/server/db/open-database";
import { dropSchema, openTestDatabase, type DbKindUnderTest } from "../helpers/test-database";
import { CONTRACT_SEGMENTS, type StoreHarness } from "./fixtures";

export interface PrismaHarness extends StoreHarness {
  db: Database;
}

/** Saves revision 1 of a segment document (runs reference their segment revision). */
export async function saveSegment(db: Database, document: { segment_id: string; name: string } & Record<string, unknown>): Promise<number> {
  const saved = await db.repos.segments.saveRevision({ id: document.segment_id, name: document.name, description: null, document, by: "test" });
  return saved.revision;
}

export async function openPrismaHarness(kind: DbKindUnderTest): Promise<PrismaHarness> {
  const t = await openTestDatabase(kind);
  try {
    for (const id of CONTRACT_SEGMENTS) {
      await saveSegment(t.db, { segment_id: id, name: id, entrypoint: "a", steps: [{ step_id: "a", type: "noop", config: {} }], edges: [] });
    }
  } catch (error) {
    await t.cleanup();
    throw error;
  }
  const reopen = () => openDatabase(t.databaseUrl ? { databaseUrl: t.databaseUrl, dataDir: t.dataDir } : { dataDir: t.dataDir });
  const harness: PrismaHarness = {
    db: t.db,
    store: t.db.runStore,
    restartVoidsLeases: kind === "pglite",
    async restart() {
      await harness.db.close();
      harness.db = await reopen();
      harness.store = harness.db.runStore;
    },
    async close() {
      await harness.db.close();
      if (t.databaseUrl) await dropSchema(new URL(t.databaseUrl).searchParams.get("schema") ?? "");
      rmSync(t.dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}
