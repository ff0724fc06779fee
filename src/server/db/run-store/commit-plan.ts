// Normalises a CommitBatch before it becomes SQL: one row per key (the last write wins, as if
// the batch were applied in order), and nudges merged per run and split by target: the
// committing run itself, a run created by the same batch, or another existing run.
import type { ApprovalRecord, CommitBatch, NewRunEvent, RunControl, RunPatch, RunRecord, StepRecord } from "../../../engine";

export interface CommitPlan {
  run: RunPatch;
  /** The control request the advancer applied: cleared if the run still holds it. */
  ackControl: RunControl | null;
  steps: StepRecord[];
  events: NewRunEvent[];
  approvals: ApprovalRecord[];
  newRuns: RunRecord[];
  /** A nudge of the committing run itself: poke it (and request `control`) after the patch. */
  selfPoke: { control: RunControl | null } | null;
  /** Nudges of other existing runs, one per run. */
  pokes: { run_id: string; control: RunControl | null }[];
  /** Free the lease with this commit (the advance's last). */
  release: boolean;
}

function lastByKey<T>(items: readonly T[] | undefined, key: (item: T) => string): T[] {
  if (!items || items.length === 0) return [];
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    byKey.delete(k);
    byKey.set(k, item);
  }
  return [...byKey.values()];
}

/** Applied one by one, nudges leave: cancel if any asked for it, else the last control asked for. */
function mergeControl(current: RunControl | null, next: RunControl | undefined): RunControl | null {
  if (next === undefined || current === "cancel") return current;
  return next;
}

export function planCommit(runId: string, batch: CommitBatch): CommitPlan {
  const newRuns = (batch.new_runs ?? []).map((run) => ({ ...run }));
  const created = new Map(newRuns.map((run) => [run.run_id, run]));
  const merged = new Map<string, RunControl | null>();
  for (const nudge of batch.nudges ?? []) {
    merged.set(nudge.run_id, mergeControl(merged.get(nudge.run_id) ?? null, nudge.control));
  }
  let selfPoke: CommitPlan["selfPoke"] = null;
  const pokes: CommitPlan["pokes"] = [];
  for (const [target, control] of merged) {
    const fresh = created.get(target);
    if (target === runId) selfPoke = { control };
    // A run created by this batch is inserted poked; only its control request is left to set.
    else if (fresh) fresh.control = control !== null && fresh.control !== "cancel" ? control : fresh.control;
    else pokes.push({ run_id: target, control });
  }
  return {
    run: batch.run ?? {},
    ackControl: batch.ack_control ?? null,
    steps: lastByKey(batch.steps, (s) => `${s.step_id}\u0000${s.attempt}`),
    events: batch.events ?? [],
    approvals: lastByKey(batch.approvals, (a) => a.approval_id),
    newRuns,
    selfPoke,
    pokes,
    release: batch.release === true,
  };
}
