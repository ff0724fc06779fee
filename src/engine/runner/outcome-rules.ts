/**
 * Run-level rules, pure over RunMemory: the run output (sinks), whether a parked run is
 * `waiting` (only humans can move it) or `running`, and when it must be woken next.
 */
import type { StepRecord } from "../model";
import { ACTIVE_RUN, type RunMemory } from "./run-memory";

const WAITING_CHILD = new Set(["waiting", "paused"]);
/**
 * Sinks are completed steps none of whose outgoing edges was taken. One sink: its output;
 * several: `{<step_id>: output}` in step order; none: null.
 */
export function runOutput(mem: RunMemory): unknown {
  const sinks = mem.graph.order.filter((id) => {
    const record = mem.step(id);
    return record.status === "completed" && (record.routes?.length ?? 0) === 0;
  });
  if (sinks.length === 0) return null;
  if (sinks.length === 1) return mem.step(sinks[0] as string).output;
  const output: Record<string, unknown> = {};
  for (const id of sinks) output[id] = mem.step(id).output;
  return output;
}

/** A step only a person can move: a human step waiting, or a step whose live child runs all wait. */
export function isHumanBlocked(mem: RunMemory, record: StepRecord): boolean {
  if (record.status === "waiting") return true;
  if (!record.suspended || record.children.length === 0 || record.wake_at !== null) return false;
  const active = record.children
    .map((child) => mem.children.get(child.run_id)?.status ?? child.seen_status)
    .filter((status) => ACTIVE_RUN.has(status));
  return active.length > 0 && active.every((status) => WAITING_CHILD.has(status));
}

/** Earliest time a parked step needs attention (retry, delay end, approval expiry). */
export function earliestWake(mem: RunMemory, parked: Iterable<string>): string | null {
  let earliest: number | null = null;
  for (const id of parked) {
    const at = mem.step(id).wake_at;
    if (at === null) continue;
    const ms = Date.parse(at);
    if (earliest === null || ms < earliest) earliest = ms;
  }
  return earliest === null ? null : new Date(earliest).toISOString();
}
