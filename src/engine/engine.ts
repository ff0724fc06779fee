/**
 * createEngine: the engine's public face. Wires the ports into a Runtime and exposes the
 * commands (start, cancel, pause, resume, decide, rerunFrom), the advancer (`advance`, which the
 * Scheduler calls) and restart recovery (`recover`).
 */
import type { RunDetail } from "../shared/resources/run-detail";
import { systemClock } from "./clock";
import { cancelRun, pauseRun, resumeRun } from "./commands/control";
import { decideApproval, type DecideOptions } from "./commands/decide";
import { rerunFrom, startRun, type StartRunOptions } from "./commands/start";
import { withMockLlm } from "./llm/mock";
import type { ApprovalRecord, RunRecord } from "./model";
import type { ApprovalFilter, Clock, EventSink, HttpFetch, LlmRegistry, RunStore, Scheduler, SegmentRevision, SegmentSource } from "./ports";
import { toRunDetail } from "./resource/run-detail";
import { advanceRun, type AdvanceResult } from "./runner/advance";
import type { Runtime } from "./runner/runtime";
import { createBuiltinRegistry } from "./steps/builtins";
import type { StepRegistry } from "./steps/registry";

export interface EngineOptions {
  store: RunStore;
  scheduler: Scheduler;
  sink: EventSink;
  segments: SegmentSource;
  clock?: Clock;
  /** Default: the built-in handlers. */
  steps?: StepRegistry;
  /** LLM refs; `mock` is always available. */
  llm?: LlmRegistry;
  /** Default: global fetch. */
  fetch?: HttpFetch;
  newId?: () => string;
  random?: () => number;
  /** Worker name in leases. */
  owner?: string;
  /** Lease length, ms (default 30 s; renewed every third). */
  leaseMs?: number;
  /** Revisions kept in memory (default 200). */
  segmentCacheSize?: number;
  onError?: (error: unknown, runId: string) => void;
}

export interface Engine {
  start(options: StartRunOptions): Promise<RunRecord>;
  /** Moves a run forward as far as it can go now (the Scheduler calls this). */
  advance(runId: string): Promise<AdvanceResult>;
  /** After a restart: schedules every run that needs work (due now or later). Returns how many. */
  recover(): Promise<number>;
  /** A run advanced in this process re-reads what others changed (a decision taken in another process). */
  poke(runId: string): void;
  /**
   * Stopping: every advance running here stops, aborts its in-flight steps without writing,
   * releases its lease and schedules its run again; resolves the number of runs handed back.
   */
  handBack(): number;
  cancel(runId: string): Promise<void>;
  pause(runId: string): Promise<void>;
  resume(runId: string): Promise<void>;
  decide(options: DecideOptions): Promise<ApprovalRecord>;
  /** `created_by`: who asked for the re-run (default: whoever started the earlier run). */
  rerunFrom(runId: string, stepId: string, input?: unknown, options?: { correlation_id?: string; created_by?: string }): Promise<RunRecord>;
  getRun(runId: string): Promise<RunDetail | null>;
  /**
   * The detail of a run `start` just created, as created (pending, no step rows), without reading
   * it back: answering a run start costs no query (its revision is cached from the start).
   */
  newRunDetail(run: RunRecord): Promise<RunDetail | null>;
  listApprovals(filter: ApprovalFilter): Promise<ApprovalRecord[]>;
  readonly steps: StepRegistry;
}

function segmentCache(source: SegmentSource, size: number) {
  const cache = new Map<string, SegmentRevision>();
  return async (segmentId: string, revision?: number): Promise<SegmentRevision | null> => {
    const key = `${segmentId}@${revision}`;
    const hit = revision === undefined ? undefined : cache.get(key);
    if (hit) return hit;
    const found = await source.get(segmentId, revision);
    if (found) {
      cache.set(`${segmentId}@${found.revision}`, found);
      while (cache.size > size) cache.delete(cache.keys().next().value as string);
    }
    return found;
  };
}

export function createEngine(options: EngineOptions): Engine {
  const active: Runtime["active"] = new Map();
  const steps = options.steps ?? createBuiltinRegistry();
  const runtime: Runtime = {
    store: options.store,
    scheduler: options.scheduler,
    sink: options.sink,
    clock: options.clock ?? systemClock,
    segments: options.segments,
    steps,
    llm: withMockLlm(options.llm),
    fetch: options.fetch ?? ((url, init) => fetch(url, init)),
    newId: options.newId ?? (() => crypto.randomUUID()),
    random: options.random ?? Math.random,
    owner: options.owner ?? `engine-${crypto.randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? 30_000,
    loadSegment: segmentCache(options.segments, options.segmentCacheSize ?? 200),
    wake(runId, at) {
      active.get(runId)?.poke();
      options.scheduler.schedule(runId, at ? { at } : undefined);
    },
    active,
    claimed: new Map(),
    onError: options.onError ?? (() => {}),
  };

  return {
    steps,
    start: (start) => startRun(runtime, start),
    advance: (runId) => advanceRun(runtime, runId),
    async recover() {
      const now = runtime.clock.now();
      const runs = await runtime.store.findRunsToWake(now.toISOString());
      for (const { run_id, wake_at } of runs) {
        const at = wake_at === null ? undefined : new Date(wake_at);
        runtime.scheduler.schedule(run_id, at && at.getTime() > now.getTime() ? { at } : undefined);
      }
      return runs.length;
    },
    poke: (runId) => active.get(runId)?.poke(),
    handBack() {
      for (const loop of active.values()) loop.handBack();
      return active.size;
    },
    cancel: (runId) => cancelRun(runtime, runId),
    pause: (runId) => pauseRun(runtime, runId),
    resume: (runId) => resumeRun(runtime, runId),
    decide: (decision) => decideApproval(runtime, decision),
    rerunFrom: (runId, stepId, input, options) => rerunFrom(runtime, runId, stepId, input, options),
    async getRun(runId) {
      const state = await runtime.store.load(runId);
      if (!state) return null;
      const found = await runtime.loadSegment(state.run.segment_id, state.run.revision);
      return found ? toRunDetail(state, found.segment) : null;
    },
    async newRunDetail(run) {
      const found = await runtime.loadSegment(run.segment_id, run.revision);
      return found ? toRunDetail({ run, steps: {}, approvals: [], children: {} }, found.segment) : null;
    },
    listApprovals: (filter) => runtime.store.listApprovals(filter),
  };
}
