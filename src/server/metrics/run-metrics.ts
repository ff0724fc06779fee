// Run and step metrics derived from committed run events (the EventHub), so every way a run
// starts (REST, the UI through tRPC, webhooks, schedules, MCP) is counted the same way.
// Keeps a small per-run memory (start times, step types) that is dropped when the run ends
// and bounded, so a run that never finishes cannot grow it.
import type { LiveEvent, RunEvent } from "../../shared/events";
import type { Metrics } from "./registry";

/** Tokens and cost of a finished top-level run (its children included), read from the database. */
export type RunUsageLookup = (runId: string) => Promise<{ tokens: { input: number; output: number }; cost: number } | null>;

const MAX_TRACKED = 10_000;

function boundedSet<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_TRACKED && !map.has(key)) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

const seconds = (fromIso: string, toIso: string) => Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);

export function runMetricsListener(metrics: Metrics, usageOf?: RunUsageLookup) {
  const runStarts = new Map<string, string>();
  /** `${run_id}\u0000${step_id}` → step type and when the attempt started. */
  const steps = new Map<string, { type: string; startedAt: string }>();
  const stepKey = (event: { run_id: string; step_id?: string | undefined }) => `${event.run_id}\u0000${event.step_id ?? ""}`;

  const countUsage = (event: RunEvent) => {
    if (event.run_id !== event.root_run_id) return; // the root's usage includes its children
    if (event.type === "segment.completed") {
      metrics.llmTokens.inc({ direction: "input" }, event.payload.tokens.input);
      metrics.llmTokens.inc({ direction: "output" }, event.payload.tokens.output);
      metrics.llmCost.inc(event.payload.cost);
      return;
    }
    if (!usageOf) return;
    usageOf(event.run_id)
      .then((usage) => {
        if (!usage) return;
        metrics.llmTokens.inc({ direction: "input" }, usage.tokens.input);
        metrics.llmTokens.inc({ direction: "output" }, usage.tokens.output);
        metrics.llmCost.inc(usage.cost);
      })
      .catch(() => {});
  };

  const finishRun = (event: RunEvent, status: "completed" | "failed" | "cancelled") => {
    metrics.segmentsCompleted.inc({ status });
    const startedAt = runStarts.get(event.run_id);
    if (event.type === "segment.completed") metrics.segmentDuration.observe({ status }, event.payload.duration_ms / 1000);
    else if (startedAt) metrics.segmentDuration.observe({ status }, seconds(startedAt, event.ts));
    runStarts.delete(event.run_id);
    for (const key of steps.keys()) if (key.startsWith(`${event.run_id}\u0000`)) steps.delete(key);
    countUsage(event);
  };

  const finishStep = (event: RunEvent, status: "completed" | "failed", durationMs?: number) => {
    const started = steps.get(stepKey(event));
    const type = started?.type ?? "unknown";
    metrics.stepsExecuted.inc({ step_type: type, status });
    const duration = durationMs !== undefined ? durationMs / 1000 : started ? seconds(started.startedAt, event.ts) : undefined;
    if (duration !== undefined) metrics.stepDuration.observe({ step_type: type }, duration);
    steps.delete(stepKey(event));
  };

  return (event: RunEvent | LiveEvent): void => {
    switch (event.type) {
      case "segment.started":
        metrics.segmentsStarted.inc();
        boundedSet(runStarts, event.run_id, event.ts);
        return;
      case "segment.completed":
        return finishRun(event, "completed");
      case "segment.failed":
        return finishRun(event, "failed");
      case "segment.cancelled":
        return finishRun(event, "cancelled");
      case "step.started":
        boundedSet(steps, stepKey(event), { type: event.payload.step_type, startedAt: event.ts });
        return;
      case "step.completed":
        // A reused step (re-run from a later step) did not execute.
        if (event.payload.reused) return;
        return finishStep(event, "completed", event.payload.duration_ms);
      case "step.failed":
        // attempt 0: a reused failure (on_error continue) replayed by a re-run, not an execution.
        if (event.payload.attempt === 0) return;
        return finishStep(event, "failed");
      case "step.retrying":
        return finishStep(event, "failed");
      default:
        return;
    }
  };
}
