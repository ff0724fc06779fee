/**
 * Run-level transitions of an advance: how it begins (control requests, first start,
 * crash recovery), how a cancel is applied, and how it ends (completed, failed, paused,
 * or parked as running/waiting with a wake-up time).
 */
import type { RunControl } from "../model";
import { earliestWake } from "./outcome-rules";
import { recoverInterrupted } from "./outcomes";
import type { RunLoop } from "./run-loop";
import { ACTIVE_RUN } from "./run-memory";
import { iso } from "./runtime";

/** Prepares the loop; false when there is nothing to run (finished, cancelled, paused). */
export async function applyBegin(loop: RunLoop): Promise<boolean> {
  const { mem } = loop;
  const control = mem.run.control;
  if (mem.finished) {
    if (control !== null) {
      mem.ackControl(control);
      await loop.flush();
    }
    return false;
  }
  loop.initParked();
  if (control === "cancel") {
    await cancelRun(loop);
    return false;
  }
  if (pastDeadline(loop)) {
    await timeOutRun(loop);
    return false;
  }
  if (mem.run.status === "paused") {
    if (control !== "resume") {
      if (control === "pause") {
        mem.ackControl(control);
        await loop.flush();
      }
      return false;
    }
    mem.patchRun({ status: "running" });
    mem.ackControl(control);
    mem.event("segment.resumed", null, {});
    carryDown(loop, "resume");
  } else if (control === "pause") {
    loop.pausing = true;
  } else if (control === "resume") {
    mem.ackControl(control);
  }
  if (mem.run.status === "pending") start(loop);
  for (const [id, record] of mem.steps) {
    if (record.status === "running" && record.started_at !== null && !record.suspended) recoverInterrupted(loop, id);
  }
  loop.planner.markAll();
  return true;
}

function start(loop: RunLoop): void {
  const { mem } = loop;
  const run = mem.run;
  mem.patchRun({ status: "running", started_at: iso(loop.runtime.clock.now()) });
  mem.event("segment.started", null, {
    revision: run.revision,
    input: run.input,
    parent_run_id: run.parent_run_id,
    parent_step_id: run.parent_step_id,
  });
  for (const id of mem.graph.order) {
    const record = mem.step(id);
    if (!record.reused) continue;
    const zero = { tokens: { input: 0, output: 0 }, cost: 0 };
    if (record.status === "completed") {
      mem.event("step.completed", id, { attempt: 0, output: record.output, duration_ms: 0, reused: true, ...zero });
    } else if (record.status === "skipped") {
      mem.event("step.skipped", id, { reason: "reused: skipped in the original run" });
    } else if (record.status === "failed" && record.error) {
      mem.event("step.failed", id, { attempt: 0, error: record.error, continued: true });
    }
  }
}

/** Passes pause/resume/cancel down to the live child runs of parked steps. */
function carryDown(loop: RunLoop, control: RunControl): void {
  for (const id of loop.parked) {
    for (const child of loop.mem.step(id).children) {
      const status = loop.mem.children.get(child.run_id)?.status ?? child.seen_status;
      if (ACTIVE_RUN.has(status)) loop.mem.nudge({ run_id: child.run_id, control });
    }
  }
}

/** Cancels the run: in-flight and parked steps, pending approvals, child runs. */
export async function cancelRun(loop: RunLoop): Promise<void> {
  const { mem } = loop;
  loop.cancelInflight();
  for (const id of loop.parked) loop.transitions.cancel(id);
  loop.parked.clear();
  mem.patchRun({ status: "cancelled", wake_at: null, output: null, finished_at: iso(loop.runtime.clock.now()) });
  mem.event("segment.cancelled", null, { reason: null });
  await loop.flush();
  loop.stopped = true;
}

/** The run has a deadline (timeout_seconds) and it has passed. */
export function pastDeadline(loop: RunLoop): boolean {
  const deadline = loop.mem.run.deadline_at;
  return !loop.mem.finished && deadline !== null && deadline !== undefined && loop.runtime.clock.now().getTime() >= Date.parse(deadline);
}

/** The run outlived its timeout: stopped like a cancel, but it ends failed with `run_timeout`. */
export async function timeOutRun(loop: RunLoop): Promise<void> {
  const { mem } = loop;
  loop.cancelInflight();
  for (const id of loop.parked) loop.transitions.cancel(id);
  loop.parked.clear();
  const limit = mem.run.deadline_at && mem.run.created_at ? Math.round((Date.parse(mem.run.deadline_at) - Date.parse(mem.run.created_at)) / 1000) : null;
  const error = { code: "run_timeout", message: `The run did not finish within its timeout${limit === null ? "" : ` of ${limit} s`}` };
  mem.patchRun({ status: "failed", error, output: null, wake_at: null, finished_at: iso(loop.runtime.clock.now()) });
  mem.event("segment.failed", null, { error });
  await loop.flush();
  loop.stopped = true;
}

/** The earlier of two ISO times (null: none). */
function earlier(a: string | null, b: string | null | undefined): string | null {
  if (b === null || b === undefined) return a;
  if (a === null) return b;
  return Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Decides the run's status once nothing is in flight; returns the next wake-up time, if any. */
export async function finalizeRun(loop: RunLoop): Promise<string | null> {
  const { mem } = loop;
  const now = iso(loop.runtime.clock.now());
  if (loop.failure) {
    for (const id of loop.parked) loop.transitions.cancel(id);
    loop.parked.clear();
    mem.patchRun({ status: "failed", error: loop.failure, output: null, wake_at: null, finished_at: now });
    mem.event("segment.failed", null, { error: loop.failure });
    await loop.flush({ release: true });
    return null;
  }
  if (loop.pausing) {
    // A paused run still has its deadline: it is woken then, and fails.
    const deadline = mem.run.deadline_at ?? null;
    mem.patchRun({ status: "paused", wake_at: deadline });
    mem.ackControl("pause");
    mem.event("segment.paused", null, {});
    carryDown(loop, "pause");
    await loop.flush({ release: true });
    return deadline;
  }
  if (loop.parked.size === 0) {
    const run = mem.run;
    const output = loop.output();
    const started = run.started_at ? Date.parse(run.started_at) : Date.parse(now);
    mem.patchRun({ status: "completed", output, wake_at: null, finished_at: now });
    mem.event("segment.completed", null, {
      output,
      tokens: { input: run.input_tokens, output: run.output_tokens },
      cost: run.cost,
      duration_ms: Math.max(0, Date.parse(now) - started),
    });
    await loop.flush({ release: true });
    return null;
  }
  const wake = earlier(earliestWake(mem, loop.parked), mem.run.deadline_at);
  const status = loop.statusWhenParked();
  if (status !== mem.run.status) mem.patchRun({ status });
  if (wake !== mem.run.wake_at) mem.patchRun({ wake_at: wake });
  await loop.flush({ release: true });
  return wake;
}
