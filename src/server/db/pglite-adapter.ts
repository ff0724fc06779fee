// pglite-prisma-adapter 0.7's executeScript does not await PGlite's exec():
// a failing migration script would be recorded as applied and its error would
// surface later as an unhandled rejection. Migrations run scripts through this
// wrapper, which awaits the script and reports its error to the engine.
import type { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { runScriptsWith } from "./adapter-scripts";

const awaitScripts = runScriptsWith<PGlite>((client, script) => client.exec(script));

export function pgliteAdapterFactory(client: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const base = new PrismaPGlite(client);
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => awaitScripts(await base.connect()),
    connectToShadowDb: async () => awaitScripts(await base.connectToShadowDb()),
  };
}
