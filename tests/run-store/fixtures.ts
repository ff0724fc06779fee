// Records and helpers for the RunStore contract. Every test makes its own runs (random ids), so
// one store can serve a whole suite; scans (findRunsToWake, listApprovals) are filtered to them.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ApprovalRecord, Lease, NewRunEvent, RunRecord, RunStore, StepRecord } from "../../src/engine";

/** Segments the contract's runs use, at revision 1. A store with foreign keys must have them. */
export const SEGMENT = "contract-seg";
export const CHILD_SEGMENT = "contract-child";
export const CONTRACT_SEGMENTS = [SEGMENT, CHILD_SEGMENT] as const;

export interface StoreHarness {
  /** The store; `restart()` replaces it. */
  store: RunStore;
  /** A "process restart": a new store over the same data (the in-memory store keeps itself). */
  restart(): Promise<void>;
  /**
   * Whether a restart voids the leases the "dead" process held: the embedded database does
   * (its data-dir lock proves no other process holds one); shared stores wait for expiry.
   */
  restartVoidsLeases?: boolean;
  close(): Promise<void>;
}

export type MakeStore = () => Promise<StoreHarness>;

const T0 = Date.parse("2030-01-01T00:00:00.000Z");
/** An ISO time `ms` after the suite's epoch. */
export const at = (ms: number): string => new Date(T0 + ms).toISOString();

export function runRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  const runId = overrides.run_id ?? randomUUID();
  return {
    run_id: runId,
    root_run_id: runId,
    parent_run_id: null,
    parent_step_id: null,
    segment_id: SEGMENT,
    revision: 1,
    status: "pending",
    input: { topic: "contract", n: 1, list: [1, "two", null], nested: { ok: true } },
    output: null,
    error: null,
    correlation_id: `corr-${runId}`,
    created_by: "tester",
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    control: null,
    wake_at: null,
    created_at: at(0),
    started_at: null,
    finished_at: null,
    ...overrides,
  };
}

export function childRecord(parent: RunRecord, stepId: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return runRecord({
    segment_id: CHILD_SEGMENT,
    root_run_id: parent.root_run_id,
    parent_run_id: parent.run_id,
    parent_step_id: stepId,
    correlation_id: parent.correlation_id,
    ...overrides,
  });
}

export function stepRecord(stepId: string, overrides: Partial<StepRecord> = {}): StepRecord {
  return {
    step_id: stepId,
    attempt: 1,
    status: "running",
    input: { from: "upstream" },
    output: null,
    error: null,
    started_at: at(1_000),
    finished_at: null,
    reused: false,
    wake_at: null,
    suspended: false,
    state: null,
    children: [],
    approval_id: null,
    routes: null,
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    ...overrides,
  };
}

export function approvalRecord(run: RunRecord, stepId: string, overrides: Partial<ApprovalRecord> = {}): ApprovalRecord {
  return {
    approval_id: randomUUID(),
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    segment_id: run.segment_id,
    step_id: stepId,
    attempt: 1,
    status: "pending",
    title: "Check the draft",
    instructions: "Approve or edit",
    data: { draft: "hello" },
    form: { type: "object", properties: { draft: { type: "string" } } },
    decision: null,
    edited: false,
    result: null,
    comment: null,
    decided_by: null,
    decided_at: null,
    expires_at: at(3_600_000),
    created_at: at(2_000),
    ...overrides,
  };
}

/** A `step.started` event of the run, not yet numbered. */
export function startedEvent(run: RunRecord, stepId: string, attempt = 1, ts = at(1_000)): NewRunEvent {
  return {
    event_id: randomUUID(),
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    segment_id: run.segment_id,
    type: "step.started",
    step_id: stepId,
    ts,
    correlation_id: run.correlation_id,
    payload: { step_type: "noop", attempt, input: { from: "upstream" } },
  };
}

/** A run-level event (no step_id). */
export function pausedEvent(run: RunRecord, ts = at(1_500)): NewRunEvent {
  return {
    event_id: randomUUID(),
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    segment_id: run.segment_id,
    type: "segment.paused",
    ts,
    correlation_id: run.correlation_id,
    payload: {},
  };
}

export function humanDecidedEvent(approval: ApprovalRecord, run: RunRecord, by = "alice"): NewRunEvent {
  return {
    event_id: randomUUID(),
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    segment_id: run.segment_id,
    type: "human.decided",
    step_id: approval.step_id,
    ts: at(5_000),
    correlation_id: run.correlation_id,
    payload: {
      approval_id: approval.approval_id,
      status: "approved",
      decision: "approved",
      edited: false,
      data: approval.data,
      comment: null,
      decided_by: by,
      decided_at: at(5_000),
    },
  };
}

export const approveWrite = (by = "alice") =>
  ({ status: "approved", decision: "approved", edited: false, result: { draft: "hello" }, comment: "fine", decided_by: by, decided_at: at(5_000) }) as const;

/** Creates a run and takes its lease at `at(0)` until `at(30_000)`. */
export async function createClaimed(store: RunStore, overrides: Partial<RunRecord> = {}): Promise<{ run: RunRecord; lease: Lease }> {
  const run = runRecord(overrides);
  await store.createRun(run);
  const claim = await store.claim(run.run_id, "worker-a", at(0), at(30_000));
  if (!claim.ok) throw new Error("claim refused");
  return { run, lease: claim.lease };
}

/** seq 1..n in order, with no gap. */
export function expectGapFree(seqs: readonly number[]): void {
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}
