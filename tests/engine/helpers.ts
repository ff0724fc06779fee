/**
 * Test kit for engine scenarios: an in-memory engine with a fake clock, the built-in handlers
 * plus test-only step types, and helpers to wait for quiescence.
 */
import { expect } from "vitest";
import { EngineError, StepError } from "../../src/engine/errors";
import type { LlmRegistry } from "../../src/engine/ports";
import { createBuiltinRegistry } from "../../src/engine/steps/builtins";
import type { StepRegistry } from "../../src/engine/steps/registry";
import { complete, type StepContext, type StepHandler, type StepOutcome } from "../../src/engine/steps/types";
import { createInMemoryEngine, type FakeClock, type InMemoryRunStore, type MemorySegmentSource } from "../../src/engine/testing";
import type { RunEvent } from "../../src/shared/events";
import type { RunDetail } from "../../src/shared/resources/run-detail";
import type { SegmentInput } from "../../src/shared/segment";

export interface Deferred<T = unknown> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T = unknown>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Invocation counters and gates shared by the test step types. */
export class Probe {
  /** step_id → handler calls (start + resume). */
  readonly calls = new Map<string, number>();
  /** step_id → a gate a `gate` step waits on. */
  readonly gates = new Map<string, Deferred<unknown>>();
  /** step_id → AbortSignals seen. */
  readonly signals = new Map<string, AbortSignal>();

  count(stepId: string): number {
    return this.calls.get(stepId) ?? 0;
  }

  gate(stepId: string): Deferred<unknown> {
    let gate = this.gates.get(stepId);
    if (!gate) this.gates.set(stepId, (gate = deferred()));
    return gate;
  }

  hit(ctx: StepContext<unknown>): void {
    this.calls.set(ctx.step.step_id, this.count(ctx.step.step_id) + 1);
    this.signals.set(ctx.step.step_id, ctx.signal);
  }
}

type Config = Record<string, unknown>;

function testType(type: string, probe: Probe, start: (ctx: StepContext<Config>) => Promise<StepOutcome>): StepHandler<Config> {
  return {
    type,
    parseConfig: (config) => (config ?? {}) as Config,
    async start(ctx) {
      probe.hit(ctx);
      return start(ctx);
    },
  };
}

/**
 * Test-only step types:
 * - `noop`: output = step input.
 * - `const` {value}: output = value.
 * - `flaky` {failures, code?, retryable?}: fails its first `failures` attempts, then outputs {attempt}.
 * - `gate`: waits until the test resolves probe.gate(step_id); outputs the value.
 * - `hang`: never finishes (ignores abort), to simulate a crash mid-step or a timeout.
 */
export function registerTestTypes(registry: StepRegistry, probe: Probe): StepRegistry {
  registry.register(testType("noop", probe, async (ctx) => complete(ctx.input)));
  registry.register(testType("const", probe, async (ctx) => complete(ctx.config.value ?? null)));
  registry.register(
    testType("flaky", probe, async (ctx) => {
      const failures = Number(ctx.config.failures ?? 0);
      if (ctx.attempt <= failures) {
        throw new StepError(String(ctx.config.code ?? "boom"), `attempt ${ctx.attempt} failed`, { retryable: ctx.config.retryable !== false });
      }
      return complete({ attempt: ctx.attempt });
    }),
  );
  registry.register(testType("gate", probe, async (ctx) => complete(await probe.gate(ctx.step.step_id).promise)));
  registry.register(testType("hang", probe, () => new Promise<StepOutcome>(() => {})));
  return registry;
}

export interface SetupOptions {
  clock?: FakeClock;
  store?: InMemoryRunStore;
  segments?: MemorySegmentSource;
  probe?: Probe;
  /** Replace the test handler of a type (e.g. a different `hang` for a second engine). */
  registry?: (registry: StepRegistry, probe: Probe) => void;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  leaseMs?: number;
  llm?: LlmRegistry;
}

export function setup(options: SetupOptions = {}) {
  const probe = options.probe ?? new Probe();
  const steps = createBuiltinRegistry();
  if (options.registry) options.registry(steps, probe);
  else registerTestTypes(steps, probe);
  const errors: unknown[] = [];
  const h = createInMemoryEngine<FakeClock>({
    steps,
    random: () => 0,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.store ? { store: options.store } : {}),
    ...(options.segments ? { segments: options.segments } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    ...(options.llm ? { llm: options.llm } : {}),
    onError: (error) => errors.push(error),
  });

  /** Lets every pending microtask/advance run until nothing changes for a few turns. */
  async function settle(): Promise<void> {
    let quiet = 0;
    let last = "";
    for (let turn = 0; turn < 2000 && quiet < 5; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = `${h.store.stats.commits}/${h.sink.stored.length}/${h.sink.live.length}/${h.scheduler.errors.length}`;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
  }

  async function run(runId: string): Promise<RunDetail> {
    const detail = await h.engine.getRun(runId);
    if (!detail) throw new Error(`run ${runId} not found`);
    return detail;
  }

  /** Saves the segment, starts a run and lets it go as far as it can. */
  async function start(segment: SegmentInput, input: unknown = {}): Promise<RunDetail> {
    const revision = h.segments.add(segment);
    const record = await h.engine.start({ segment_id: segment.segment_id, revision, input });
    await settle();
    return run(record.run_id);
  }

  /** Moves the fake clock and lets the engine react. */
  async function advance(ms: number): Promise<void> {
    h.clock.advance(ms);
    await settle();
  }

  function events(runId: string): RunEvent[] {
    return h.sink.eventsOf(runId);
  }

  function types(runId: string, stepId?: string): string[] {
    return events(runId)
      .filter((e) => stepId === undefined || e.step_id === stepId)
      .map((e) => (stepId === undefined && e.step_id ? `${e.type}:${e.step_id}` : e.type));
  }

  async function pendingApproval(runId: string, stepId?: string) {
    const list = await h.engine.listApprovals({ run_id: runId, status: "pending" });
    const found = list.find((a) => stepId === undefined || a.step_id === stepId);
    if (!found) throw new Error(`no pending approval in run ${runId}${stepId ? ` for ${stepId}` : ""}`);
    return found;
  }

  return { ...h, probe, errors, settle, run, start, advance, events, types, pendingApproval };
}

export type Harness = ReturnType<typeof setup>;

/** A linear segment of the given steps, each feeding the next. */
export function linear(segmentId: string, steps: SegmentInput["steps"]): SegmentInput {
  return {
    segment_id: segmentId,
    name: segmentId,
    entrypoint: steps[0]!.step_id,
    steps,
    edges: steps.slice(1).map((s, i) => ({ from_step: steps[i]!.step_id, to_step: s.step_id })),
  };
}

/** A linear segment of `noop` steps (or given types). */
export function chain(segmentId: string, ids: string[], types: Record<string, string> = {}): SegmentInput {
  return {
    segment_id: segmentId,
    name: segmentId,
    entrypoint: ids[0] as string,
    steps: ids.map((id) => ({ step_id: id, type: types[id] ?? "noop", config: {} })),
    edges: ids.slice(1).map((id, i) => ({ from_step: ids[i] as string, to_step: id })),
  };
}

export async function expectEngineError(promise: Promise<unknown>, code: string): Promise<EngineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).code).toBe(code);
  return error as EngineError;
}

/** seq 1..n in order, with no gap. */
export function expectGapFree(events: readonly RunEvent[]): void {
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
}
