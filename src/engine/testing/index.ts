/**
 * In-memory ports and a ready-wired engine, for tests, the benchmark and the CLI's throwaway
 * mode: `const { engine, segments, scheduler, clock } = createInMemoryEngine()`.
 */
import { createEngine, type Engine, type EngineOptions } from "../engine";
import type { Clock } from "../ports";
import { FakeClock } from "./fake-clock";
import { InMemoryScheduler } from "./memory-scheduler";
import { MemorySegmentSource } from "./memory-segments";
import { MemoryEventSink } from "./memory-sink";
import { InMemoryRunStore } from "./memory-store";

export { FakeClock } from "./fake-clock";
export { InMemoryScheduler } from "./memory-scheduler";
export { MemorySegmentSource } from "./memory-segments";
export { MemoryEventSink, nullSink } from "./memory-sink";
export { InMemoryRunStore } from "./memory-store";

export interface InMemoryEngine<C extends Clock> {
  engine: Engine;
  store: InMemoryRunStore;
  scheduler: InMemoryScheduler;
  sink: MemoryEventSink;
  segments: MemorySegmentSource;
  clock: C;
}

export function createInMemoryEngine<C extends Clock = FakeClock>(
  options: Partial<Omit<EngineOptions, "scheduler" | "clock">> & { clock?: C; store?: InMemoryRunStore; segments?: MemorySegmentSource } = {},
): InMemoryEngine<C> {
  const clock = (options.clock ?? new FakeClock()) as C;
  const store = options.store ?? new InMemoryRunStore();
  const segments = options.segments ?? new MemorySegmentSource();
  const sink = options.sink instanceof MemoryEventSink ? options.sink : new MemoryEventSink();
  const scheduler = new InMemoryScheduler(clock);
  const engine = createEngine({ ...options, store, segments, sink: options.sink ?? sink, clock, scheduler });
  scheduler.attach((runId) => engine.advance(runId));
  return { engine, store, scheduler, sink, segments, clock };
}
