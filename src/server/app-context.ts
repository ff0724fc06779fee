// The process-wide services the custom server boots once (config, database).
// Next.js bundles route handlers separately from src/server/main.ts, so a
// module-level singleton would exist twice; globalThis is shared by both.
import type { Config } from "./config/env";
import type { Database } from "./db/open-database";
import type { QueueMode } from "./queue/queue-mode";
import type { EngineRuntime } from "./runtime/engine-runtime";

export type AppContext = {
  config: Config;
  db: Database;
  runtime: EngineRuntime;
  /** Queue mode (REDIS_URL): the BullMQ queue, Redis health, the event relay. */
  queue?: QueueMode;
  startedAt: Date;
  /** The cron scheduler, once the server started it: poked when schedules change. */
  schedules?: { poke(): void };
};

const KEY = Symbol.for("llmteam.appContext");
type Holder = { [KEY]?: AppContext };

export function setAppContext(ctx: AppContext | undefined): void {
  (globalThis as Holder)[KEY] = ctx;
}

/** The context when the server (or a test) has set one; undefined otherwise. */
export function peekAppContext(): AppContext | undefined {
  return (globalThis as Holder)[KEY];
}

export function getAppContext(): AppContext {
  const ctx = (globalThis as Holder)[KEY];
  if (!ctx) {
    throw new Error("The LLMTeam server is not started: run the app with `npm start` (src/server/main.ts).");
  }
  return ctx;
}
