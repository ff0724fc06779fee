/**
 * The engine's ports: how it talks to the world. src/server implements them over Prisma,
 * BullMQ/in-process queues, socket.io and the AI SDK; ./testing has in-memory versions.
 */
import type { LiveEvent, RunEvent } from "../shared/events";
import type { Segment } from "../shared/segment";
import type {
  ApprovalDecisionWrite,
  ApprovalRecord,
  CommitBatch,
  CommitResult,
  RunControl,
  RunRecord,
  RunState,
  RunStatus,
} from "./model";

// ---------------------------------------------------------------------------------------------
// RunStore

/** Proof of holding a run's lease; every advancer write carries it (fencing). */
export interface Lease {
  run_id: string;
  token: string;
}

/** A lease taken at creation (RunStore.createRun). */
export interface RunClaim {
  owner: string;
  token: string;
  until: string;
}

/** A successful claim carries the run's state read after it (one round trip for both). */
export type ClaimResult = { ok: true; lease: Lease; state: RunState } | { ok: false; held_until: string | null };

/** A run a (re)starting worker must schedule. */
export interface RunToWake {
  run_id: string;
  /** When it needs an advance; null = now. */
  wake_at: string | null;
}

export interface ApprovalFilter {
  run_id?: string;
  root_run_id?: string;
  status?: ApprovalRecord["status"];
  /** Order by (created_at, approval_id): oldest first unless set. */
  newest_first?: boolean;
  /** Only approvals after this one in that order (keyset paging: the last id of a page). */
  after?: string;
  /** At most this many. */
  limit?: number;
}

export type DecideApprovalResult =
  | { ok: true; approval: ApprovalRecord; event: RunEvent }
  | { ok: false; reason: "not_found" | "not_pending"; approval?: ApprovalRecord };

export interface RunStore {
  /**
   * Inserts a run (status pending) with optional pre-filled step rows (rerunFrom's reused steps).
   * Normally poked (it needs an advance). With `claim`, it is created with that lease held (token,
   * owner, until) and not poked: its creator advances it next without claiming it (see
   * Scheduler.advancesHere); if the creator dies, the run is found to wake once the lease expires.
   */
  createRun(run: RunRecord, steps?: RunState["steps"], claim?: RunClaim): Promise<void>;
  /** Run, latest step rows, approvals and child summaries in one read; null if unknown. */
  load(runId: string): Promise<RunState | null>;
  getRun(runId: string): Promise<RunRecord | null>;

  /**
   * Takes the run's lease if free or expired at `now`, and clears the run's "poked" mark in the
   * same step. Pokes (nudges, decisions, control requests) that arrive later leave the mark set,
   * so a run poked during an advance is found again by findRunsToWake after a crash.
   * A claim refused because the lease is held marks the run poked: its holder sees the mark when
   * it releases and advances again, so a wake-up aimed at a run busy in another process is never
   * lost (nor left waiting for the lease to expire). Only the holder may commit.
   * A successful claim returns the run's state (as load would) read after the lease was taken,
   * so that anything committed before the claim, a decision or a child's end, is in it.
   */
  claim(runId: string, owner: string, now: string, until: string): Promise<ClaimResult>;
  /** Extends the lease; false if it was lost. Returns the run's control request as a bonus. */
  renew(lease: Lease, until: string): Promise<{ ok: boolean; control: RunControl | null }>;
  /** Frees the lease; `poked`: the run was poked while it was held (the caller advances it again). */
  release(lease: Lease): Promise<{ poked: boolean }>;

  /**
   * Atomically applies a batch under the lease (throws LeaseLostError if not held): step rows,
   * events (numbered from the run's next_seq, gap-free), run fields, approvals, child runs, nudges.
   * An approval in the batch never overwrites one that is no longer pending in the store (a
   * person's decision wins over a concurrent cancel).
   */
  commit(lease: Lease, batch: CommitBatch): Promise<CommitResult>;

  /** Sets a control request and pokes the run (no lease needed); false if the run is finished. */
  requestControl(runId: string, control: RunControl, now: string): Promise<boolean>;
  /**
   * Records a decision on a pending approval, appends its `human.decided` event and pokes the
   * run, atomically; refuses if the approval is not pending. No lease needed.
   */
  decideApproval(approvalId: string, decision: ApprovalDecisionWrite, event: Omit<RunEvent, "seq">): Promise<DecideApprovalResult>;
  getApproval(approvalId: string): Promise<ApprovalRecord | null>;
  listApprovals(filter: ApprovalFilter): Promise<ApprovalRecord[]>;
  /** Events of a run with seq > afterSeq, in order. */
  listEvents(runId: string, afterSeq?: number): Promise<RunEvent[]>;

  /**
   * After a restart: every unfinished run that needs an advance now or later: pending/running
   * runs, poked runs, runs with a control request (wake_at null = now) and runs with a wake_at.
   */
  findRunsToWake(now: string): Promise<RunToWake[]>;
}

// ---------------------------------------------------------------------------------------------
// Scheduler, EventSink, Clock

export interface Scheduler {
  /**
   * Makes sure `advance(runId)` runs (again) after this call, at `at` or as soon as possible.
   * Calls for a run already scheduled or being advanced may be merged, never lost.
   */
  schedule(runId: string, options?: { at?: Date }): void;
  /**
   * Every advance this scheduler runs happens in this process (the in-process scheduler; not a
   * queue other processes take jobs from). A run started here is then created already claimed
   * by this process: its first advance needs no claim round trip.
   */
  readonly advancesHere?: boolean;
}

export interface EventSink {
  /** Stored events, after their commit, in seq order. Must not throw. */
  publish(events: readonly RunEvent[]): void;
  /** Live-only events (`llm.token`): fanned out, never stored. Must not throw. */
  publishLive(event: LiveEvent): void;
}

export type CancelTimer = () => void;

export interface Clock {
  now(): Date;
  /**
   * An in-process timer, for non-durable waits only (a step attempt's timeout, lease heartbeat).
   * Durable waits (retry backoff, delay, approval timeout) go through RunStore.wake_at + Scheduler.
   */
  setTimer(ms: number, callback: () => void): CancelTimer;
}

// ---------------------------------------------------------------------------------------------
// LLMs

export interface LlmUsage {
  input_tokens: number;
  output_tokens: number;
}

export interface LlmResult {
  text: string;
  usage: LlmUsage;
  /** In USD; null when the ref has no price. */
  cost: number | null;
}

export interface LlmRequest {
  system: string;
  prompt: string;
  temperature?: number;
  max_tokens?: number;
  signal: AbortSignal;
  /** For the built-in `mock` ref only: canned answers and which one this call gets (the last repeats). */
  mock?: { responses?: readonly string[]; index: number };
}

export interface LlmClient {
  /** Streams the answer token by token; the generator's return value is the whole result. */
  generate(request: LlmRequest): AsyncGenerator<string, LlmResult, void>;
}

export interface LlmRegistry {
  /** The client for a configured ref (`gpt4`, `mock`), or undefined when unknown. */
  get(ref: string): LlmClient | undefined;
}

// ---------------------------------------------------------------------------------------------
// Segments and HTTP

export interface SegmentRevision {
  segment: Segment;
  revision: number;
}

export interface SegmentSource {
  /** A saved revision (the latest when `revision` is omitted); null if unknown. Revisions are immutable. */
  get(segmentId: string, revision?: number): Promise<SegmentRevision | null>;
}

/** The fetch the http_request step uses (global fetch by default). */
export type HttpFetch = (url: string, init: RequestInit) => Promise<Response>;

// ---------------------------------------------------------------------------------------------

export type { RunStatus };
