// The engine as the server runs it: the Prisma RunStore, the in-process
// scheduler (the embedded default; queue mode swaps in BullMQ), the event hub
// and saved revisions as the segment source.
import { v7 as uuidv7 } from "uuid";
import { createEngine, InProcessScheduler, systemClock, type Engine } from "../../engine";
import type { LlmRefConfig } from "../config/llms";
import type { Database } from "../db/open-database";
import { createLlmRegistry } from "../llm/registry";
import { getLogger } from "../logging/logger";
import { runEventLog } from "../logging/run-event-log";
import { getMetrics } from "../metrics/registry";
import { runMetricsListener } from "../metrics/run-metrics";
import { EventHub } from "./event-hub";
import { databaseSegmentSource } from "./segment-source";

export type EngineRuntime = {
  engine: Engine;
  events: EventHub;
  /** Schedules every unfinished run found in the database (after a restart). */
  recover(): Promise<number>;
  /** Stops scheduling and waits (up to `deadlineMs`) for advances in flight. */
  stop(deadlineMs?: number): Promise<void>;
};

export function createEngineRuntime(db: Database, options: { llms?: readonly LlmRefConfig[] } = {}): EngineRuntime {
  const events = new EventHub();
  const runLog = runEventLog();
  events.subscribe(runLog.listener);
  const logError = (error: unknown, runId: string) =>
    getLogger().error({ err: error, run_id: runId, correlation_id: runLog.correlationOf(runId) }, "engine error while advancing a run");
  const scheduler = new InProcessScheduler(systemClock, logError);
  const engine = createEngine({
    store: db.runStore,
    scheduler,
    sink: events,
    segments: databaseSegmentSource(db.repos),
    clock: systemClock,
    // LLMTEAM_LLMS refs through the AI SDK; `mock` is built into the engine.
    llm: createLlmRegistry(options.llms),
    // UUIDv7: time-ordered, so run lists page by id.
    newId: () => uuidv7(),
    owner: `server-${process.pid}`,
    onError: logError,
  });
  scheduler.attach((runId) => engine.advance(runId));
  // Run and step metrics from the committed events: every way a run starts counts the same.
  const metrics = getMetrics();
  events.subscribe(
    runMetricsListener(metrics, async (runId) => {
      const run = await engine.getRun(runId);
      return run ? { tokens: run.tokens, cost: run.cost } : null;
    }),
  );
  // The gauges read the database at scrape time: right after a restart too.
  metrics.setGaugeSource(() => db.repos.runs.gaugeCounts());
  return {
    engine,
    events,
    recover: () => engine.recover(),
    async stop(deadlineMs = 5000) {
      const idle = scheduler.idle();
      scheduler.dispose();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([idle, new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(timer);
    },
  };
}
