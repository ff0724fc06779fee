// The real engine over the Prisma run store (PGlite): createEngine with the in-process
// scheduler, a fake clock and segments saved in the database, plus the engine tests' step types.
import { createEngine, InProcessScheduler, type Clock, type SegmentSource } from "../../src/engine";
import { createBuiltinRegistry } from "../../src/engine/steps/builtins";
import type { StepRegistry } from "../../src/engine/steps/registry";
import { MemoryEventSink } from "../../src/engine/testing";
import type { Database } from "../../src/server/db/open-database";
import { parseSegment, type SegmentInput } from "../../src/shared/segment";
import { Probe, registerTestTypes } from "../engine/helpers";

/** Saved revisions straight from the segments tables (what the server's SegmentSource will do). */
export function databaseSegments(db: Database): SegmentSource & { add(doc: SegmentInput): Promise<number> } {
  return {
    async add(doc) {
      const saved = await db.repos.segments.saveRevision({ id: doc.segment_id, name: doc.name, description: null, document: { ...doc }, by: "test" });
      return saved.revision;
    },
    async get(segmentId, revision) {
      const number = revision ?? (await db.repos.segments.get(segmentId))?.latest_revision;
      if (!number) return null;
      const document = await db.repos.segments.getRevision(segmentId, number);
      const parsed = document ? parseSegment(document) : null;
      return parsed?.ok ? { segment: parsed.segment, revision: number } : null;
    },
  };
}

export interface EngineOnDb {
  engine: ReturnType<typeof createEngine>;
  scheduler: InProcessScheduler;
  sink: MemoryEventSink;
  segments: ReturnType<typeof databaseSegments>;
  probe: Probe;
  errors: unknown[];
  /** Waits until no advance is running or queued. */
  settle(): Promise<void>;
}

export function engineOn(db: Database, clock: Clock, options: { probe?: Probe; register?: (registry: StepRegistry, probe: Probe) => void } = {}): EngineOnDb {
  const probe = options.probe ?? new Probe();
  const steps = registerTestTypes(createBuiltinRegistry(), probe);
  options.register?.(steps, probe);
  const scheduler = new InProcessScheduler(clock);
  const sink = new MemoryEventSink();
  const errors: unknown[] = [];
  const segments = databaseSegments(db);
  const engine = createEngine({
    store: db.runStore,
    scheduler,
    sink,
    segments,
    clock,
    steps,
    random: () => 0,
    onError: (error) => errors.push(error),
  });
  scheduler.attach((runId) => engine.advance(runId));
  return { engine, scheduler, sink, segments, probe, errors, settle: () => scheduler.idle() };
}

/** Polls until `check` holds (for a run whose advance never returns, e.g. a hanging step). */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
