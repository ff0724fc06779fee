// Starting the server's core the way a user does: empty data dir, restart,
// wrong DATABASE_URL, a second process on the same data dir, a bad migration.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, describe, expect, it } from "vitest";
import { bootCore } from "../../src/server/boot";
import { parseConfig } from "../../src/server/config/env";
import { lockDataDir } from "../../src/server/db/data-dir-lock";
import { applyMigrations, MigrationError } from "../../src/server/db/migrate";
import { pgliteAdapterFactory } from "../../src/server/db/pglite-adapter";
import { tempDir } from "../helpers/test-database";

const dirs: string[] = [];
function newDir() {
  const d = tempDir("llmteam-startup-");
  dirs.push(d);
  return d;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs a server entry point in a child process with a controlled environment. */
function runEntry(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", entry], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "test", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("startup on the embedded database", () => {
  it("an empty data dir gets migrated and seeded; a second start reuses the data", async () => {
    const dataDir = newDir();
    const first = await bootCore(parseConfig({ LLMTEAM_DATA_DIR: dataDir }));
    expect(first.db.kind).toBe("pglite");
    expect(first.db.appliedMigrations.length).toBeGreaterThan(0);
    expect(first.seeded).toContain("article-writer");
    await first.db.repos.segments.create({ id: "kept", name: "Kept", description: null, draft: {}, by: "u" });
    await first.db.close();

    const second = await bootCore(parseConfig({ LLMTEAM_DATA_DIR: dataDir }));
    try {
      expect(second.db.appliedMigrations).toEqual([]);
      expect(second.seeded).toEqual([]);
      expect((await second.db.repos.segments.get("kept"))?.name).toBe("Kept");
    } finally {
      await second.db.close();
    }
  });

  it("deleting every segment does not bring the examples back on the next start", async () => {
    const dataDir = newDir();
    const first = await bootCore(parseConfig({ LLMTEAM_DATA_DIR: dataDir }));
    for (const id of first.seeded) await first.db.repos.segments.delete(id);
    await first.db.close();
    const second = await bootCore(parseConfig({ LLMTEAM_DATA_DIR: dataDir }));
    try {
      expect(second.seeded).toEqual([]);
      expect(await second.db.repos.segments.count()).toBe(0);
    } finally {
      await second.db.close();
    }
  });

  it("LLMTEAM_SEED_EXAMPLES=off starts empty", async () => {
    const booted = await bootCore(parseConfig({ LLMTEAM_DATA_DIR: newDir(), LLMTEAM_SEED_EXAMPLES: "off" }));
    try {
      expect(booted.seeded).toEqual([]);
      expect(await booted.db.repos.segments.count()).toBe(0);
    } finally {
      await booted.db.close();
    }
  });

  it("npm run db:migrate on an empty data dir applies the migrations, then reports up to date", () => {
    const dataDir = newDir();
    const first = runEntry("src/server/db/migrate-cli.ts", { LLMTEAM_DATA_DIR: dataDir });
    const committed = readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(first.out).toContain(`Applied ${committed.length} migration(s): ${committed.map((e) => e.name).sort().join(", ")}`);
    expect(first.code).toBe(0);
    const second = runEntry("src/server/db/migrate-cli.ts", { LLMTEAM_DATA_DIR: dataDir });
    expect(second.out).toContain("Database is up to date (pglite).");
    expect(second.code).toBe(0);
  });

  it("a second process on the same data dir is refused with a clear error", () => {
    const dataDir = newDir();
    const lock = lockDataDir(dataDir); // this test process plays the running server
    try {
      const { code, out } = runEntry("src/server/main.ts", { LLMTEAM_DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(out).toContain(`The embedded database in ${dataDir} is in use by another process (pid ${process.pid})`);
      expect(out).not.toMatch(/\n\s+at /); // a message, not a stack trace
    } finally {
      lock.release();
    }
  });

  it("a lock left by a crashed process is taken over", () => {
    const dataDir = newDir();
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, "llmteam.lock"), "999999999");
    const lock = lockDataDir(dataDir);
    lock.release();
  });
});

describe("startup against PostgreSQL", () => {
  it("a DATABASE_URL nobody listens on fails with a message naming the variable and target, not the password", () => {
    const { code, out } = runEntry("src/server/main.ts", {
      DATABASE_URL: "postgres://someone:hunter2@127.0.0.1:1/nowhere",
      LLMTEAM_DATA_DIR: newDir(),
    });
    expect(code).toBe(1);
    expect(out).toContain("Cannot connect to PostgreSQL at 127.0.0.1:1/nowhere (from DATABASE_URL)");
    expect(out).not.toContain("hunter2");
  });

  it("a database that does not exist is named in the error", () => {
    const { code, out } = runEntry("src/server/db/migrate-cli.ts", {
      DATABASE_URL: "postgres://postgres@127.0.0.1:5432/no_such_database_llmteam",
      LLMTEAM_DATA_DIR: newDir(),
    });
    expect(code).toBe(1);
    expect(out).toMatch(/Cannot connect to PostgreSQL at 127\.0\.0\.1:5432\/no_such_database_llmteam .*does not exist/);
  });

  it("a malformed DATABASE_URL stops startup naming the variable", () => {
    const { code, out } = runEntry("src/server/main.ts", { DATABASE_URL: "mysql://x", LLMTEAM_DATA_DIR: newDir() });
    expect(code).toBe(1);
    expect(out).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });
});

describe("migrations", () => {
  it("a failing migration stops with a clear message and the database stays on the last good migration", async () => {
    const dir = newDir();
    cpSync(path.resolve("prisma/migrations"), dir, { recursive: true });
    mkdirSync(path.join(dir, "29990101000000_broken"));
    writeFileSync(path.join(dir, "29990101000000_broken", "migration.sql"), 'ALTER TABLE "no_such_table" ADD COLUMN x INT;');
    const pg = new PGlite();
    try {
      const err = await applyMigrations(pgliteAdapterFactory(pg), dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MigrationError);
      expect((err as Error).message).toMatch(/^Database migration failed: .*29990101000000_broken/s);
      expect((err as Error).message).toContain("no_such_table");
      // The good migrations before it were applied.
      const tables = await pg.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_name = 'segments'");
      expect(tables.rows[0]?.n).toBe(1);
    } finally {
      await pg.close();
    }
  });
});
