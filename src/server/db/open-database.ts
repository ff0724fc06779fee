// Opens the one database of the process: embedded PGlite under the data dir
// when DATABASE_URL is unset, PostgreSQL through node-postgres otherwise.
// Migrations are applied before the client is handed out.
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { lockDataDir, type DataDirLock } from "./data-dir-lock";
import { applyMigrations } from "./migrate";
import { pgAdapterFactory } from "./pg-adapter";
import { pgliteAdapterFactory } from "./pglite-adapter";
import { createRepositories, type Repositories } from "./repositories";
import { createPrismaRunStore, type RawQuery } from "./run-store";
import type { RunStore } from "../../engine";

export type DbKind = "pglite" | "postgres";

export type Database = {
  prisma: PrismaClient;
  repos: Repositories;
  /** The engine's RunStore over this database. */
  runStore: RunStore;
  kind: DbKind;
  /** Names of the migrations applied by this open (empty when up to date). */
  appliedMigrations: string[];
  /** A cheap round trip, for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
};

export class DatabaseConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseConnectionError";
  }
}

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir: string;
  migrate?: boolean;
};

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.migrate ?? true)
    : openPglite(options.dataDir, options.migrate ?? true);
}

async function openPglite(dataDir: string, migrate: boolean): Promise<Database> {
  const lock: DataDirLock = lockDataDir(dataDir);
  let client: PGlite | undefined;
  try {
    client = await PGlite.create({ dataDir: path.join(dataDir, "pglite") });
    const factory = pgliteAdapterFactory(client);
    const appliedMigrations = migrate ? await applyMigrations(factory) : [];
    const prisma = new PrismaClient({ adapter: factory });
    const pgl = client;
    // The data-dir lock makes this process the only one on this database: a run lease still
    // held was left by a process that died (kill -9, power loss). Void it so the run continues
    // now rather than when the dead holder's lease would have expired.
    await pgl.query("UPDATE runs SET lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL WHERE lease_token IS NOT NULL");
    return {
      prisma,
      repos: createRepositories(prisma),
      runStore: createPrismaRunStore(prisma, pgliteRawQuery(pgl)),
      kind: "pglite",
      appliedMigrations,
      async ping() {
        await pgl.query("select 1");
      },
      async close() {
        await prisma.$disconnect();
        await pgl.close();
        lock.release();
      },
    };
  } catch (err) {
    await client?.close().catch(() => {});
    lock.release();
    throw err;
  }
}

/**
 * PGlite's own query(): same engine and lock as the Prisma adapter, without Prisma's layers.
 * PGlite runs in this thread and its awaits are only microtasks: an advance running step after
 * step would never let the event loop write to sockets, so a browser got a run's events in one
 * lump when the advance ended (a decision's next step showed ~100 ms late). Each commit first
 * yields once to the loop (setImmediate), so the events of the previous commit go out now.
 */
function pgliteRawQuery(client: PGlite): RawQuery {
  return async <T>(statement: { text: string; values: unknown[]; name: string }) => {
    if (statement.name === "run_store_commit") await new Promise<void>((resolve) => setImmediate(resolve));
    return (await client.query<T>(statement.text, statement.values)).rows;
  };
}

/** node-postgres with a named statement: parsed and planned once per pooled connection. */
function pgRawQuery(pool: pg.Pool): RawQuery {
  return async <T>(statement: { text: string; values: unknown[]; name: string }) =>
    (await pool.query<T & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: statement.values })).rows;
}

/** `?schema=name` (Prisma's convention) selects a schema; node-postgres gets it as search_path. */
export function splitSchemaParam(databaseUrl: string): { url: string; schema: string | undefined } {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get("schema") ?? undefined;
  url.searchParams.delete("schema");
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new DatabaseConnectionError(`DATABASE_URL: schema "${schema}" is not a valid schema name`);
  }
  return { url: url.toString(), schema };
}

/**
 * Queue mode starts web and worker processes together against one PostgreSQL: a session advisory
 * lock makes them apply migrations one after the other (the second finds nothing left to do).
 */
async function migrateExclusively<T>(pool: pg.Pool, apply: () => Promise<T>): Promise<T> {
  const conn = await pool.connect();
  try {
    await conn.query("SELECT pg_advisory_lock(hashtext('llmteam:migrations:' || current_schema()))");
    try {
      return await apply();
    } finally {
      await conn.query("SELECT pg_advisory_unlock(hashtext('llmteam:migrations:' || current_schema()))").catch(() => {});
    }
  } finally {
    conn.release();
  }
}

/** Where we tried to connect, without the password. */
export function describeTarget(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

async function openPostgres(databaseUrl: string, migrate: boolean): Promise<Database> {
  const { url, schema } = splitSchemaParam(databaseUrl);
  const poolConfig: pg.PoolConfig = {
    connectionString: url,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path="${schema}"` } : {}),
  };
  const pool = new pg.Pool(poolConfig);
  // A failed idle client must not crash the process; the next query reports it.
  pool.on("error", () => {});
  try {
    const conn = await pool.connect();
    try {
      if (schema) await conn.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    } finally {
      conn.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseConnectionError(
      `Cannot connect to PostgreSQL at ${describeTarget(databaseUrl)} (from DATABASE_URL): ${(err as Error).message}`,
      { cause: err },
    );
  }
  const factory = pgAdapterFactory(pool, schema ? { schema } : undefined);
  try {
    const appliedMigrations = migrate ? await migrateExclusively(pool, () => applyMigrations(factory)) : [];
    const prisma = new PrismaClient({ adapter: factory });
    return {
      prisma,
      repos: createRepositories(prisma),
      runStore: createPrismaRunStore(prisma, pgRawQuery(pool)),
      kind: "postgres",
      appliedMigrations,
      async ping() {
        await pool.query("select 1");
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
}
