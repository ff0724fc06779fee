import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppContext } from "../../src/server/app-context";
import { checkHealth } from "../../src/server/services/check-health";
import { testAppContext } from "../helpers/app-context";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/test-database";

describe.each(DB_KINDS)("health on %s", (kind) => {
  let t: TestDatabase;
  let app: AppContext;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    app = testAppContext(t);
  });
  afterAll(async () => t?.cleanup());

  it("reports ok with the database kind", async () => {
    expect(await checkHealth(app)).toMatchObject({ status: "ok", db: kind, queue: "inline", version: "0.1.0" });
  });

  it("an unreachable database is reported as an error naming the db", async () => {
    const broken: AppContext = { ...app, db: { ...t.db, ping: () => Promise.reject(new Error("connection refused")) } };
    const health = await checkHealth(broken);
    expect(health.status).toBe("error");
    expect(health.problems).toEqual([{ component: "db", message: "database unreachable: connection refused" }]);
  });

  it("a database that hangs is reported after the deadline", async () => {
    const hanging: AppContext = { ...app, db: { ...t.db, ping: () => new Promise<void>(() => {}) } };
    const health = await checkHealth(hanging, 50);
    expect(health.problems?.[0]?.message).toBe("database unreachable: no answer within 50 ms");
  });
});
