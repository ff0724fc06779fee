// @prisma/adapter-pg 7's executeScript (which applies migration scripts) splits the script on
// every ";" and sends the pieces one by one: a function body with semicolons (PL/pgSQL) is cut
// into broken statements, and a failing piece leaves the earlier ones applied. This wrapper
// sends the script whole, as one simple-protocol query: PostgreSQL runs a multi-statement query
// as one implicit transaction, so a migration applies completely or not at all.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type pg from "pg";
import { runScriptsWith } from "./adapter-scripts";

const wholeScripts = runScriptsWith<pg.Pool | pg.PoolClient>((client, script) => client.query(script));

export function pgAdapterFactory(pool: pg.Pool, options: ConstructorParameters<typeof PrismaPg>[1]): PrismaPg & SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPg(pool, options);
  const connect = base.connect.bind(base);
  const connectToShadowDb = base.connectToShadowDb.bind(base);
  base.connect = async () => wholeScripts(await connect());
  base.connectToShadowDb = async () => wholeScripts(await connectToShadowDb());
  return base;
}
