/**
 * What the canvas draws of the live state: a card's look from its step, an edge's from its
 * two ends. Pure, so the nodes' hooks stay trivial and the rules are tested once.
 */
import type { EdgeRunLook, StepRunLook } from "@/features/editor/nodes/run-overlay";
import type { StepLiveState } from "./run-live-state";

export function stepRunLook(step: StepLiveState, childApproval: boolean): StepRunLook {
  return {
    status: step.status,
    attempts: step.attempts,
    started_at: step.started_at,
    duration_ms: step.status === "running" || step.status === "waiting" ? null : step.duration_ms,
    reused: step.reused,
    token_preview: step.status === "running" ? step.token_preview : "",
    retry_at: step.status === "running" ? step.retry_at : null,
    error: step.error ? step.error.message : null,
    tokens: step.tokens,
    cost: step.cost,
    needs_approval: step.status === "waiting" ? step.approval?.status === "pending" || step.approval === null : childApproval && step.status === "running",
    skipped_reason: step.skipped_reason,
    decision: step.approval?.decision ?? null,
  };
}

/** The output went down this edge: completed, or failed with `on_error: continue`. */
function delivered(step: StepLiveState): boolean {
  return step.status === "completed" || (step.status === "failed" && step.continued);
}

/**
 * `skipped`: either end was skipped, or a condition sent its result down its other port;
 * `active`: the source delivered and the target is running; `flowed`: the target has its
 * input (it ran, or waits for a person: nothing moves then, so nothing animates);
 * `idle` otherwise (not reached yet, or the target waits for other inputs).
 */
export function edgeRunLook(source: StepLiveState | undefined, target: StepLiveState | undefined, sourceHandle: string | null): EdgeRunLook {
  if (!source || !target) return "idle";
  if (source.status === "skipped" || target.status === "skipped") return "skipped";
  if (!delivered(source)) return "idle";
  if (typeof source.output === "boolean" && (sourceHandle === "true" || sourceHandle === "false") && String(source.output) !== sourceHandle) {
    return "skipped";
  }
  if (target.status === "running") return "active";
  if (target.status === "pending") return "idle";
  return "flowed";
}
