/**
 * What the runner needs from its surroundings: the ports, the step registry and a few knobs.
 * createEngine (../engine.ts) builds one; the runner modules only read it.
 */
import type { Segment } from "../../shared/segment";
import type { RunState } from "../model";
import type { Clock, EventSink, HttpFetch, Lease, LlmRegistry, RunStore, Scheduler, SegmentRevision, SegmentSource } from "../ports";
import type { StepRegistry } from "../steps/registry";

export interface Runtime {
  readonly store: RunStore;
  readonly scheduler: Scheduler;
  readonly sink: EventSink;
  readonly clock: Clock;
  readonly segments: SegmentSource;
  readonly steps: StepRegistry;
  readonly llm: LlmRegistry;
  readonly fetch: HttpFetch;
  /** Unique ids for runs, events, approvals. */
  newId(): string;
  /** [0, 1): retry jitter. */
  random(): number;
  /** This worker's name in leases. */
  readonly owner: string;
  readonly leaseMs: number;
  /** Loads a revision through a bounded cache (revisions are immutable). */
  loadSegment(segmentId: string, revision?: number): Promise<SegmentRevision | null>;
  /** Wakes a run: pokes its advancer if it runs in this process, and schedules it. */
  wake(runId: string, at?: Date): void;
  /**
   * Runs this process created already claimed (Scheduler.advancesHere), with the state they were
   * created with: their first advance starts from these instead of claiming and loading.
   */
  readonly claimed: Map<string, { lease: Lease; state: RunState }>;
  /** Advancers running in this process, by run id (to poke them). */
  readonly active: Map<string, { poke(): void; handBack(): void }>;
  /** Reports errors that cannot be returned to anyone (a failed background advance). */
  onError(error: unknown, runId: string): void;
}

export type { Segment };

export const iso = (date: Date): string => date.toISOString();
export const addMs = (date: Date, ms: number): Date => new Date(date.getTime() + ms);
