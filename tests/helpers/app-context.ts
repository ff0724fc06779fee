// A booted app context over a test database, as main.ts builds it.
import type { AppContext } from "../../src/server/app-context";
import { parseConfig } from "../../src/server/config/env";
import { createEngineRuntime } from "../../src/server/runtime/engine-runtime";
import type { TestDatabase } from "./test-database";

export function testAppContext(t: TestDatabase): AppContext {
  return {
    config: parseConfig({ LLMTEAM_DATA_DIR: t.dataDir }),
    db: t.db,
    runtime: createEngineRuntime(t.db),
    startedAt: new Date(),
  };
}
