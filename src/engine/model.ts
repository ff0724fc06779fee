/**
 * The records the engine keeps about a run, as a RunStore persists them. Plain JSON-able data
 * (times are ISO strings) so any store can hold them: the in-memory one in ./testing and the
 * Prisma one in src/server/db (Run, StepRun, RunEvent, Approval; see docs/contracts/runtime-context.md).
 */
import type { RunEvent } from "../shared/events";
import type { RunStatus } from "../shared/resources/run-resource";
import type { Approval, StepErrorInfo, StepStatus } from "../shared/resources/run-detail";

export type { Approval, RunEvent, RunStatus, StepErrorInfo, StepStatus };

export interface RunError {
  code: string;
  message: string;
  step_id?: string;
}

/** A request waiting for the run's advancer to apply it (set by cancel/pause/resume). */
export type RunControl = "cancel" | "pause" | "resume";

/** Run row. */
export interface RunRecord {
  run_id: string;
  root_run_id: string;
  parent_run_id: string | null;
  parent_step_id: string | null;
  segment_id: string;
  revision: number;
  status: RunStatus;
  input: unknown;
  output: unknown;
  error: RunError | null;
  correlation_id: string;
  created_by: string;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  /** Pending cancel/pause/resume request, applied by the advancer. */
  control: RunControl | null;
  /** The advancer's timer: when the run next needs an advance (retry backoff, delay end, approval expiry). */
  wake_at: string | null;
  /**
   * Set by `timeout_seconds` at start: past it the run fails with `run_timeout` (steps in flight
   * are stopped, waiting approvals cancelled, child runs cancelled). Absent/null: no limit.
   */
  deadline_at?: string | null;
  /** A re-run (rerunFrom): the run it re-ran and the step it re-ran from. Absent otherwise. */
  rerun_of?: { run_id: string; step_id: string } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A child run started by a subsegment/map step, and the status the step last saw. */
export interface ChildRef {
  key: string;
  run_id: string;
  seen_status: RunStatus;
}

/**
 * StepRun row: one attempt of one step. The row with the highest attempt is the step's current
 * state. Attempt 0 is a row for a step that never executed in this run (skipped, reused).
 * A failed attempt followed by a retry: the old row is `failed`, the next one is `running`
 * with `started_at: null` and `wake_at` = when it starts.
 */
export interface StepRecord {
  step_id: string;
  attempt: number;
  status: StepStatus;
  input: unknown;
  output: unknown;
  error: StepErrorInfo | null;
  started_at: string | null;
  finished_at: string | null;
  reused: boolean;
  /** When the engine must look at this step again: next attempt, delay end, approval expiry. */
  wake_at: string | null;
  /** A handler asked to be resumed later (delay, subsegment, map, human_approval). */
  suspended: boolean;
  /** Handler state kept between suspensions (JSON). */
  state: unknown;
  children: ChildRef[];
  approval_id: string | null;
  /** Indices (in `segment.edges`) of the outgoing edges taken, once the step finished. */
  routes: number[] | null;
  input_tokens: number;
  output_tokens: number;
  cost: number;
}

export type ApprovalRecord = Approval;

/** A child run as its parent sees it. */
export interface ChildRunSummary {
  run_id: string;
  status: RunStatus;
  output: unknown;
  error: RunError | null;
  input_tokens: number;
  output_tokens: number;
  cost: number;
}

/** Everything the advancer needs, in one load. */
export interface RunState {
  run: RunRecord;
  /** Latest attempt row per step that has one (steps without a row are pending). */
  steps: Record<string, StepRecord>;
  /** This run's approvals (all statuses). */
  approvals: ApprovalRecord[];
  /** Child runs of this run, by run_id. */
  children: Record<string, ChildRunSummary>;
}

/** An event before the store numbered it. */
export type NewRunEvent = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, "seq"> : never) : never;

/**
 * Run fields an advancer may change. (`control` sets the request as is; the engine itself clears
 * requests with CommitBatch.ack_control, so one made meanwhile is not lost.)
 */
export type RunPatch = Partial<
  Pick<
    RunRecord,
    | "status"
    | "output"
    | "error"
    | "input_tokens"
    | "output_tokens"
    | "cost"
    | "control"
    | "wake_at"
    | "started_at"
    | "finished_at"
  >
>;

/**
 * Another run touched by a commit (a child to cancel/pause/resume, a parent to wake): the store
 * marks it poked (see RunStore.claim) and sets the control request, if any, unless it finished.
 */
export interface RunNudge {
  run_id: string;
  control?: RunControl;
}

/**
 * One atomic write: a step's result and its events and the run's changes (one transaction /
 * round trip in a database). The store numbers `events` with gap-free seq and returns them.
 */
export interface CommitBatch {
  run?: RunPatch;
  /**
   * The control request the advancer has applied: the store clears `runs.control` only if it
   * still holds this value (a newer request made meanwhile survives). A run that reaches a
   * finished status has its control cleared whatever it is.
   */
  ack_control?: RunControl;
  /** Upserts by (step_id, attempt). */
  steps?: StepRecord[];
  events?: NewRunEvent[];
  /** Inserts or full updates by approval_id. */
  approvals?: ApprovalRecord[];
  /** Child runs to create (status pending). */
  new_runs?: RunRecord[];
  nudges?: RunNudge[];
  /**
   * The advance's last commit: the lease is released in the same transaction (as
   * RunStore.release would, after everything else in the batch).
   */
  release?: true;
}

export interface CommitResult {
  events: RunEvent[];
  /** The run's control request after the commit (another worker may have set it meanwhile). */
  control: RunControl | null;
  /** With `release`: the run was poked while held (as RunStore.release reports). */
  poked?: boolean;
}

/** A decision written onto a pending approval. */
export interface ApprovalDecisionWrite {
  status: "approved" | "rejected" | "expired";
  decision: "approved" | "rejected" | null;
  edited: boolean;
  result: unknown;
  comment: string | null;
  decided_by: string;
  decided_at: string;
}
