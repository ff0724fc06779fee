// Migration scripts on PostgreSQL are sent whole (src/server/db/pg-adapter.ts): a PL/pgSQL body
// with semicolons applies as written, and a script that fails half-way applies nothing.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgAdapterFactory } from "../../src/server/db/pg-adapter";
import { dropSchema, TEST_DATABASE_URL } from "../helpers/test-database";

const schema = `t_adapter_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: TEST_DATABASE_URL, options: `-c search_path="${schema}"`, max: 2 });
  await pool.query(`CREATE SCHEMA "${schema}"`);
});

afterAll(async () => {
  await pool.end();
  await dropSchema(schema);
});

async function tables(): Promise<string[]> {
  const { rows } = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1", [schema]);
  return rows.map((r) => r.table_name);
}

describe("PostgreSQL migration scripts", () => {
  it("a PL/pgSQL function with semicolons in its body is created as written", async () => {
    const adapter = await pgAdapterFactory(pool, { schema }).connect();
    await adapter.executeScript(`
      CREATE TABLE counters (n integer NOT NULL);
      CREATE FUNCTION bump(p integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE total integer;
      BEGIN
        INSERT INTO counters VALUES (p);
        SELECT sum(n) INTO total FROM counters;
        RETURN total;
      END
      $$;`);
    expect((await pool.query<{ bump: number }>("SELECT bump(2)")).rows[0]?.bump).toBe(2);
    expect((await pool.query<{ bump: number }>("SELECT bump(3)")).rows[0]?.bump).toBe(5);
  });

  it("a script that fails half-way is refused and leaves nothing of it behind", async () => {
    const adapter = await pgAdapterFactory(pool, { schema }).connect();
    const before = await tables();
    await expect(adapter.executeScript(`CREATE TABLE first_half (id integer); SELECT no_such_column FROM first_half;`)).rejects.toBeDefined();
    expect(await tables()).toEqual(before);
  });
});
