// Both driver adapters' executeScript (which applies migration scripts) fall short: PGlite's
// does not await the script, node-postgres's splits it on every ";". pg-adapter.ts and
// pglite-adapter.ts replace it with `run`, which sends the script whole and is awaited; a
// failure is reported to the schema engine the adapter's own way (onError).
type PatchableAdapter<C> = {
  client: C;
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
};

export function runScriptsWith<C>(run: (client: C, script: string) => Promise<unknown>) {
  return <T>(adapter: T): T => {
    const a = adapter as unknown as PatchableAdapter<C>;
    a.executeScript = async (script: string) => {
      try {
        await run(a.client, script);
      } catch (err) {
        a.onError(err);
      }
    };
    return adapter;
  };
}
