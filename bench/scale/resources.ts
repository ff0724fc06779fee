// The clean state each scale mode starts from and leaves behind: its own PostgreSQL database
// (dropped and created again), its own Redis database index (FLUSHDB), or a fresh data directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";

/** The server without a database name: `<this>/<db>` is a mode's DATABASE_URL. */
export const PG_SERVER = process.env.BENCH_SCALE_PG ?? "postgres://postgres@127.0.0.1:5432";
/** A Redis database index the benchmark owns: it is flushed before and after each queue mode. */
export const REDIS_URL = process.env.BENCH_SCALE_REDIS ?? "redis://127.0.0.1:6379/7";

const quoted = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  return `"${name}"`;
};

async function onServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Server facts that shape the figures, recorded with them: autovacuum off (as on the project's
 * machines) means tables are never analyzed or vacuumed during the suite.
 */
export async function postgresFacts(): Promise<{ server_version: string; autovacuum: string } | { error: string }> {
  const client = new pg.Client({ connectionString: `${PG_SERVER}/postgres` });
  try {
    await client.connect();
    const version = await client.query<{ server_version: string }>("SHOW server_version");
    const autovacuum = await client.query<{ autovacuum: string }>("SHOW autovacuum");
    return { server_version: version.rows[0]!.server_version, autovacuum: autovacuum.rows[0]!.autovacuum };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function dropDatabase(name: string): Promise<void> {
  // WITH (FORCE): connections a killed server left open do not block the drop (PostgreSQL 13+).
  await onServer(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
}

/** An empty database `name`; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  await dropDatabase(name);
  await onServer(`CREATE DATABASE ${quoted(name)}`);
  return `${PG_SERVER}/${name}`;
}

export async function flushRedis(url: string = REDIS_URL): Promise<void> {
  const db = Number(new URL(url).pathname.slice(1) || 0);
  if (db === 0) throw new Error(`refusing to FLUSHDB Redis database 0 (${url}): give the benchmark its own index`);
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
}

export function freshDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), "llmteam-bench-scale-"));
}

export function removeDataDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
