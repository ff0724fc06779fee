/** Helpers for steps that run child runs (subsegment, map). */
import { StepError } from "../errors";
import { addUsage, NO_USAGE } from "../llm/call";
import type { ChildView, StepUsage } from "./types";

export const FINISHED = new Set(["completed", "failed", "cancelled"]);

/** Throws for the first child that failed or was cancelled (the runner cancels the others). */
export function throwIfChildFailed(children: readonly ChildView[]): void {
  const bad = children.find((child) => child.status === "failed" || child.status === "cancelled");
  if (!bad) return;
  const usage = totalUsage(children);
  if (bad.status === "cancelled") {
    throw new StepError("child_cancelled", `child run ${bad.run_id} was cancelled`, { usage, details: { child_run_id: bad.run_id } });
  }
  throw new StepError("child_failed", `child run ${bad.run_id} failed: ${bad.error?.message ?? "unknown error"}`, {
    usage,
    details: { child_run_id: bad.run_id, error: bad.error },
  });
}

export function totalUsage(children: readonly ChildView[]): StepUsage {
  return children.reduce((sum, child) => addUsage(sum, child.usage), NO_USAGE);
}
