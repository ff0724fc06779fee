/**
 * A run's state while its advancer holds the lease, plus the batch of changes not yet
 * committed. Every change goes through here, so the in-memory view and what gets written
 * never disagree. Only the advancer writes step rows, so it never has to re-read them.
 */
import type { EventPayloads, RunEventType } from "../../shared/events";
import type { SegmentGraph } from "../graph/graph";
import type {
  ApprovalRecord,
  ChildRunSummary,
  CommitBatch,
  NewRunEvent,
  RunNudge,
  RunControl,
  RunPatch,
  RunRecord,
  RunState,
  StepRecord,
  StepStatus,
} from "../model";

export const TERMINAL_RUN: ReadonlySet<string> = new Set(["completed", "failed", "cancelled"]);
/** A child run that can still change (cancel/pause/resume carry down to these). */
export const ACTIVE_RUN: ReadonlySet<string> = new Set(["pending", "running", "waiting", "paused"]);

export function pendingStep(stepId: string): StepRecord {
  return {
    step_id: stepId,
    attempt: 0,
    status: "pending",
    input: null,
    output: null,
    error: null,
    started_at: null,
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
  };
}

export class RunMemory {
  run: RunRecord;
  readonly graph: SegmentGraph;
  readonly steps = new Map<string, StepRecord>();
  /** Outputs of finished steps (completed, or failed with on_error continue): `steps` in expressions. */
  readonly outputs: Record<string, unknown> = {};
  readonly approvals = new Map<string, ApprovalRecord>();
  readonly children = new Map<string, ChildRunSummary>();

  #rows = new Map<string, StepRecord>();
  #events: NewRunEvent[] = [];
  #runPatch: RunPatch = {};
  #approvals = new Map<string, ApprovalRecord>();
  #newRuns: RunRecord[] = [];
  #nudges: RunNudge[] = [];
  #ack: RunControl | undefined;
  #statusChanged = false;

  constructor(
    state: RunState,
    graph: SegmentGraph,
    private readonly newId: () => string,
    private readonly nowIso: () => string,
  ) {
    this.run = state.run;
    this.graph = graph;
    for (const id of graph.order) {
      const record = state.steps[id] ?? pendingStep(id);
      this.steps.set(id, record);
      if (record.status === "completed" || (record.status === "failed" && record.routes !== null)) this.outputs[id] = record.output;
    }
    for (const approval of state.approvals) this.approvals.set(approval.approval_id, approval);
    for (const child of Object.values(state.children)) this.children.set(child.run_id, child);
  }

  step(stepId: string): StepRecord {
    const record = this.steps.get(stepId);
    if (!record) throw new Error(`unknown step ${stepId}`);
    return record;
  }

  status(stepId: string): StepStatus {
    return this.step(stepId).status;
  }

  /** Replaces a step's row (a new attempt or an update of the current one). */
  setStep(record: StepRecord): void {
    const current = this.steps.get(record.step_id);
    if (!current || record.attempt >= current.attempt) this.steps.set(record.step_id, record);
    this.#rows.set(`${record.step_id}\u0000${record.attempt}`, record);
    if (record.status === "completed" || (record.status === "failed" && record.routes !== null)) {
      this.outputs[record.step_id] = record.output;
    }
  }

  patchRun(patch: RunPatch): void {
    if (patch.status !== undefined && patch.status !== this.run.status) this.#statusChanged = true;
    this.run = { ...this.run, ...patch };
    Object.assign(this.#runPatch, patch);
  }

  /** The advancer applied this control request: clear it (if nobody replaced it meanwhile). */
  ackControl(control: RunControl | null): void {
    if (control === null) return;
    this.#ack = control;
    if (this.run.control === control) this.run = { ...this.run, control: null };
  }

  putApproval(approval: ApprovalRecord): void {
    this.approvals.set(approval.approval_id, approval);
    this.#approvals.set(approval.approval_id, approval);
  }

  addChildRun(run: RunRecord): void {
    this.#newRuns.push(run);
    this.children.set(run.run_id, {
      run_id: run.run_id,
      status: "pending",
      output: null,
      error: null,
      input_tokens: 0,
      output_tokens: 0,
      cost: 0,
    });
  }

  nudge(nudge: RunNudge): void {
    this.#nudges.push(nudge);
  }

  /** Builds an event for this run (numbered by the store at commit). */
  makeEvent<T extends RunEventType>(type: T, stepId: string | null, payload: EventPayloads[T]): NewRunEvent {
    const event = {
      event_id: this.newId(),
      run_id: this.run.run_id,
      root_run_id: this.run.root_run_id,
      segment_id: this.run.segment_id,
      type,
      ts: this.nowIso(),
      correlation_id: this.run.correlation_id,
      payload,
      ...(stepId === null ? {} : { step_id: stepId }),
    };
    return event as unknown as NewRunEvent;
  }

  event<T extends RunEventType>(type: T, stepId: string | null, payload: EventPayloads[T]): void {
    this.#events.push(this.makeEvent(type, stepId, payload));
  }

  /**
   * Whether the pending batch only restates state (run/step rows, nudges): no events, no new
   * runs, no approval changes, no control acknowledgement. Such a batch can ride with the next
   * one: losing it in a crash leaves the database exactly as the last commit left it.
   */
  get onlyStateChanges(): boolean {
    return this.#events.length === 0 && this.#approvals.size === 0 && this.#newRuns.length === 0 && this.#ack === undefined;
  }

  /**
   * Whether the pending batch may wait while pure steps run (RunLoop#mayHold): it only records the
   * run's own progress and rows of steps for which `isPure` holds. A result of any other step (an
   * LLM call, an HTTP request), an approval, a child run, a nudge or a control acknowledgement is
   * committed before anything else runs, so a crash can never make such a step run twice.
   */
  mayWait(isPure: (stepId: string) => boolean): boolean {
    if (this.#approvals.size > 0 || this.#newRuns.length > 0 || this.#nudges.length > 0 || this.#ack !== undefined) return false;
    for (const row of this.#rows.values()) if (!isPure(row.step_id)) return false;
    return true;
  }

  get hasChanges(): boolean {
    return (
      this.#rows.size > 0 ||
      this.#events.length > 0 ||
      Object.keys(this.#runPatch).length > 0 ||
      this.#approvals.size > 0 ||
      this.#newRuns.length > 0 ||
      this.#nudges.length > 0 ||
      this.#ack !== undefined
    );
  }

  /** Takes the pending changes as one batch (a status change also wakes the parent run). */
  takeBatch(): CommitBatch | null {
    if (this.#statusChanged && this.run.parent_run_id) this.#nudges.push({ run_id: this.run.parent_run_id });
    if (!this.hasChanges) return null;
    const batch: CommitBatch = {};
    if (Object.keys(this.#runPatch).length > 0) batch.run = this.#runPatch;
    if (this.#rows.size > 0) batch.steps = [...this.#rows.values()];
    if (this.#events.length > 0) batch.events = this.#events;
    if (this.#approvals.size > 0) batch.approvals = [...this.#approvals.values()];
    if (this.#newRuns.length > 0) batch.new_runs = this.#newRuns;
    if (this.#nudges.length > 0) batch.nudges = this.#nudges;
    if (this.#ack !== undefined) batch.ack_control = this.#ack;
    this.#rows = new Map();
    this.#events = [];
    this.#runPatch = {};
    this.#approvals = new Map();
    this.#newRuns = [];
    this.#nudges = [];
    this.#ack = undefined;
    this.#statusChanged = false;
    return batch;
  }

  get finished(): boolean {
    return TERMINAL_RUN.has(this.run.status);
  }
}
