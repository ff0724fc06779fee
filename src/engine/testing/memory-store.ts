/**
 * InMemoryRunStore: the RunStore contract without a database, for tests, the benchmark and the
 * CLI's throwaway mode. Data is copied in and out (structuredClone), like a real store would,
 * so aliasing bugs show up here too. Each method is atomic (single-threaded JS, no awaits inside).
 */
import { LeaseLostError } from "../errors";
import type {
  ApprovalDecisionWrite,
  ApprovalRecord,
  ChildRunSummary,
  CommitBatch,
  CommitResult,
  NewRunEvent,
  RunControl,
  RunEvent,
  RunRecord,
  RunState,
  StepRecord,
} from "../model";
import type { ApprovalFilter, ClaimResult, DecideApprovalResult, Lease, RunClaim, RunStore, RunToWake } from "../ports";

interface RunRow {
  record: RunRecord;
  lease: { token: string; until: number } | null;
  nextSeq: number;
  poked: boolean;
  /** step_id → rows by attempt */
  steps: Map<string, Map<number, StepRecord>>;
  events: RunEvent[];
  children: Set<string>;
}

const FINISHED = new Set(["completed", "failed", "cancelled"]);
const clone = <T>(value: T): T => structuredClone(value);

export class InMemoryRunStore implements RunStore {
  readonly #runs = new Map<string, RunRow>();
  readonly #approvals = new Map<string, ApprovalRecord>();
  #leases = 0;
  /** Call counters, for tests and the benchmark. */
  readonly stats = { commits: 0, loads: 0 };

  #row(runId: string): RunRow | undefined {
    return this.#runs.get(runId);
  }

  #insert(run: RunRecord): RunRow {
    const row: RunRow = { record: clone(run), lease: null, nextSeq: 1, poked: true, steps: new Map(), events: [], children: new Set() };
    this.#runs.set(run.run_id, row);
    if (run.parent_run_id) this.#runs.get(run.parent_run_id)?.children.add(run.run_id);
    return row;
  }

  async createRun(run: RunRecord, steps: RunState["steps"] = {}, claim?: RunClaim): Promise<void> {
    if (this.#runs.has(run.run_id)) throw new Error(`run ${run.run_id} exists`);
    const row = this.#insert(run);
    for (const record of Object.values(steps)) this.#putStep(row, clone(record));
    if (claim) {
      row.lease = { token: claim.token, until: Date.parse(claim.until) };
      row.poked = false;
    }
  }

  #putStep(row: RunRow, record: StepRecord): void {
    let attempts = row.steps.get(record.step_id);
    if (!attempts) row.steps.set(record.step_id, (attempts = new Map()));
    attempts.set(record.attempt, record);
  }

  async load(runId: string): Promise<RunState | null> {
    this.stats.loads++;
    const row = this.#row(runId);
    if (!row) return null;
    const steps: RunState["steps"] = {};
    for (const [stepId, attempts] of row.steps) {
      let latest: StepRecord | undefined;
      for (const record of attempts.values()) if (!latest || record.attempt > latest.attempt) latest = record;
      if (latest) steps[stepId] = latest;
    }
    const approvals = [...this.#approvals.values()].filter((a) => a.run_id === runId);
    const children: Record<string, ChildRunSummary> = {};
    for (const childId of row.children) {
      const child = this.#row(childId)?.record;
      if (!child) continue;
      const { run_id, status, output, error, input_tokens, output_tokens, cost } = child;
      children[childId] = { run_id, status, output, error, input_tokens, output_tokens, cost };
    }
    return clone({ run: row.record, steps, approvals, children });
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    const row = this.#row(runId);
    return row ? clone(row.record) : null;
  }

  /** Every attempt row of a step (tests). */
  async stepAttempts(runId: string, stepId: string): Promise<StepRecord[]> {
    const attempts = this.#row(runId)?.steps.get(stepId);
    return attempts ? clone([...attempts.values()].sort((a, b) => a.attempt - b.attempt)) : [];
  }

  /** Every run, e.g. to find child runs (tests). */
  async allRuns(): Promise<RunRecord[]> {
    return clone([...this.#runs.values()].map((row) => row.record));
  }

  async claim(runId: string, owner: string, now: string, until: string): Promise<ClaimResult> {
    const row = this.#row(runId);
    if (!row) return { ok: false, held_until: null };
    if (row.lease && row.lease.until > Date.parse(now)) {
      row.poked = true;
      return { ok: false, held_until: new Date(row.lease.until).toISOString() };
    }
    const token = `${owner}#${++this.#leases}`;
    row.lease = { token, until: Date.parse(until) };
    row.poked = false;
    const state = await this.load(runId);
    if (!state) throw new Error(`memory store: run ${runId} vanished while claimed`);
    return { ok: true, lease: { run_id: runId, token }, state };
  }

  async renew(lease: Lease, until: string): Promise<{ ok: boolean; control: RunControl | null }> {
    const row = this.#row(lease.run_id);
    if (!row || row.lease?.token !== lease.token) return { ok: false, control: null };
    row.lease.until = Date.parse(until);
    return { ok: true, control: row.record.control };
  }

  async release(lease: Lease): Promise<{ poked: boolean }> {
    const row = this.#row(lease.run_id);
    if (row?.lease?.token !== lease.token) return { poked: false };
    row.lease = null;
    return { poked: row.poked };
  }

  async commit(lease: Lease, batch: CommitBatch): Promise<CommitResult> {
    const row = this.#row(lease.run_id);
    if (!row || row.lease?.token !== lease.token) throw new LeaseLostError(lease.run_id);
    const copy = clone(batch);
    this.stats.commits++;
    if (copy.run) row.record = { ...row.record, ...copy.run };
    if (copy.ack_control && row.record.control === copy.ack_control) row.record = { ...row.record, control: null };
    if (FINISHED.has(row.record.status)) row.record = { ...row.record, control: null };
    for (const record of copy.steps ?? []) this.#putStep(row, record);
    for (const approval of copy.approvals ?? []) {
      const stored = this.#approvals.get(approval.approval_id);
      if (!stored || stored.status === "pending") this.#approvals.set(approval.approval_id, approval);
    }
    for (const run of copy.new_runs ?? []) this.#insert(run);
    for (const nudge of copy.nudges ?? []) this.#poke(nudge.run_id, nudge.control);
    const events = (copy.events ?? []).map((event) => this.#append(row, event));
    if (!copy.release) return { events: clone(events), control: row.record.control };
    row.lease = null;
    return { events: clone(events), control: row.record.control, poked: row.poked };
  }

  #append(row: RunRow, event: NewRunEvent): RunEvent {
    const stored = { ...event, seq: row.nextSeq++ } as RunEvent;
    row.events.push(stored);
    return stored;
  }

  #poke(runId: string, control?: RunControl): boolean {
    const row = this.#row(runId);
    if (!row || FINISHED.has(row.record.status)) return false;
    if (control && row.record.control !== "cancel") row.record = { ...row.record, control };
    row.poked = true;
    return true;
  }

  async requestControl(runId: string, control: RunControl): Promise<boolean> {
    return this.#poke(runId, control);
  }

  async decideApproval(approvalId: string, decision: ApprovalDecisionWrite, event: NewRunEvent): Promise<DecideApprovalResult> {
    const approval = this.#approvals.get(approvalId);
    if (!approval) return { ok: false, reason: "not_found" };
    if (approval.status !== "pending") return { ok: false, reason: "not_pending", approval: clone(approval) };
    const row = this.#row(approval.run_id);
    if (!row) return { ok: false, reason: "not_found" };
    const decided: ApprovalRecord = { ...approval, ...clone(decision) };
    this.#approvals.set(approvalId, decided);
    const stored = this.#append(row, clone(event));
    row.poked = true;
    return { ok: true, approval: clone(decided), event: clone(stored) };
  }

  async getApproval(approvalId: string): Promise<ApprovalRecord | null> {
    const approval = this.#approvals.get(approvalId);
    return approval ? clone(approval) : null;
  }

  async listApprovals(filter: ApprovalFilter): Promise<ApprovalRecord[]> {
    const list = [...this.#approvals.values()].filter(
      (a) =>
        (filter.run_id === undefined || a.run_id === filter.run_id) &&
        (filter.root_run_id === undefined || a.root_run_id === filter.root_run_id) &&
        (filter.status === undefined || a.status === filter.status),
    );
    const order = (a: ApprovalRecord, b: ApprovalRecord) => a.created_at.localeCompare(b.created_at) || a.approval_id.localeCompare(b.approval_id);
    list.sort(filter.newest_first ? (a, b) => order(b, a) : order);
    let from = 0;
    if (filter.after !== undefined) {
      const anchor = this.#approvals.get(filter.after);
      from = anchor ? list.findIndex((a) => (filter.newest_first ? order(anchor, a) : order(a, anchor)) > 0) : 0;
      if (from < 0) from = list.length;
    }
    return clone(list.slice(from, filter.limit === undefined ? undefined : from + filter.limit));
  }

  async listEvents(runId: string, afterSeq = 0): Promise<RunEvent[]> {
    return clone((this.#row(runId)?.events ?? []).filter((event) => event.seq > afterSeq));
  }

  async findRunsToWake(now: string): Promise<RunToWake[]> {
    const nowMs = Date.parse(now);
    const found: RunToWake[] = [];
    for (const row of this.#runs.values()) {
      const run = row.record;
      if (FINISHED.has(run.status)) continue;
      const leased = row.lease !== null && row.lease.until > nowMs;
      if (run.status === "pending" || run.status === "running" || row.poked || run.control !== null) {
        found.push({ run_id: run.run_id, wake_at: leased ? new Date((row.lease?.until ?? nowMs) + 1).toISOString() : null });
      } else if (run.wake_at !== null) {
        found.push({ run_id: run.run_id, wake_at: run.wake_at });
      }
    }
    return found;
  }
}
