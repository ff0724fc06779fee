// The engine as the server runs it: the Prisma RunStore, a scheduler (in-process by default;
// queue mode passes its BullMQ one), the event hubs and saved revisions as the segment source.
import { v7 as uuidv7 } from "uuid";
import { createEngine, InProcessScheduler, systemClock, type Engine, type Scheduler } from "../../engine";
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
  /**
   * What live views follow (sockets, SSE, MCP waits): the events this process commits and, in
   * queue mode, those other processes commit (relayed through Redis).
   */
  events: EventHub;
  /** Only the events this process commits: logs, metrics and the approval webhook, once each. */
  committed: EventHub;
  /** Schedules every unfinished run found in the database (after a restart). */
  recover(): Promise<number>;
  /**
   * In-process scheduling: stops scheduling and waits up to `deadlineMs` for advances in flight,
   * then hands the rest back (their steps run again as new attempts at the next start).
   */
  stop(deadlineMs?: number): Promise<void>;
};

export type EngineRuntimeOptions = {
  llms?: readonly LlmRefConfig[];
  /** Queue mode's scheduler; default: the in-process one. */
  scheduler?: Scheduler;
  /** Run lease length (LLMTEAM_RUN_LEASE_SECONDS). */
  leaseMs?: number;
  /** This process's name in leases. */
  owner?: string;
};

export function createEngineRuntime(db: Database, options: EngineRuntimeOptions = {}): EngineRuntime {
  const committed = new EventHub();
  // In queue mode the live feed also receives other processes' events; in-process both are one.
  const events = options.scheduler ? new EventHub() : committed;
  if (events !== committed) committed.subscribe((event) => (event.type === "llm.token" ? events.publishLive(event) : events.publish([event])));
  const runLog = runEventLog();
  committed.subscribe(runLog.listener);
  const logError = (error: unknown, runId: string) =>
    getLogger().error({ err: error, run_id: runId, correlation_id: runLog.correlationOf(runId) }, "engine error while advancing a run");
  const inProcess = options.scheduler ? null : new InProcessScheduler(systemClock, logError);
  const scheduler = options.scheduler ?? inProcess!;
  const engine = createEngine({
    store: db.runStore,
    scheduler,
    sink: committed,
    segments: databaseSegmentSource(db.repos),
    clock: systemClock,
    // LLMTEAM_LLMS refs through the AI SDK; `mock` is built into the engine.
    llm: createLlmRegistry(options.llms),
    // UUIDv7: time-ordered, so run lists page by id.
    newId: () => uuidv7(),
    owner: options.owner ?? `server-${process.pid}`,
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    onError: logError,
  });
  inProcess?.attach((runId) => engine.advance(runId));
  // Run and step metrics from the committed events: every way a run starts counts the same.
  const metrics = getMetrics();
  committed.subscribe(
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
    committed,
    recover: () => engine.recover(),
    async stop(deadlineMs = 5000) {
      if (!inProcess) return;
      // No new advances from here; those running may finish what they hold within the deadline.
      const idle = inProcess.idle();
      inProcess.dispose();
      if (!(await settlesWithin(idle, deadlineMs))) {
        engine.handBack();
        await settlesWithin(idle, 2000);
      }
    },
  };
}

/** Whether `promise` settled within `ms`. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = await Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]);
  clearTimeout(timer);
  return settled;
}
