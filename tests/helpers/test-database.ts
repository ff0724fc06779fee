// Real databases for integration tests: a fresh PGlite data dir, or an
// isolated schema in the local PostgreSQL (database `test`), dropped after.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../src/server/db/open-database";

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export type DbKindUnderTest = "pglite" | "postgres";
export const DB_KINDS: DbKindUnderTest[] = ["pglite", "postgres"];

export type TestDatabase = { db: Database; cleanup(): Promise<void>; dataDir: string; databaseUrl?: string };

export function tempDir(prefix = "llmteam-test-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function isolatedPostgresUrl(): { url: string; schema: string } {
  const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(TEST_DATABASE_URL);
  url.searchParams.set("schema", schema);
  return { url: url.toString(), schema };
}

export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

export async function openTestDatabase(kind: DbKindUnderTest): Promise<TestDatabase> {
  const dataDir = tempDir();
  if (kind === "pglite") {
    const db = await openDatabase({ dataDir });
    return {
      db,
      dataDir,
      async cleanup() {
        await db.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { url, schema } = isolatedPostgresUrl();
  const db = await openDatabase({ databaseUrl: url, dataDir });
  return {
    db,
    dataDir,
    databaseUrl: url,
    async cleanup() {
      await db.close();
      await dropSchema(schema);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
