// Log lines about runs, from the committed run events: every line carries run_id,
// correlation_id and (for steps) step_id, so one grep follows a request through its run.
// Run starts and ends and step failures at info (outcomes, not server faults), the rest at
// debug. Never logs inputs, outputs or decision data (they may hold personal data): the run's events have them.
import type { LiveEvent, RunEvent } from "../../shared/events";
import { getLogger, type Logger } from "./logger";

const MAX_TRACKED = 10_000;

export type RunEventLog = {
  listener: (event: RunEvent | LiveEvent) => void;
  /** The correlation id of a run seen recently (for lines not derived from an event, e.g. engine errors). */
  correlationOf(runId: string): string | undefined;
};

export function runEventLog(logger: () => Logger = getLogger): RunEventLog {
  const correlations = new Map<string, string>();
  const remember = (runId: string, correlationId: string) => {
    if (correlations.has(runId)) return;
    if (correlations.size >= MAX_TRACKED) {
      const oldest = correlations.keys().next();
      if (!oldest.done) correlations.delete(oldest.value);
    }
    correlations.set(runId, correlationId);
  };

  const listener = (event: RunEvent | LiveEvent): void => {
    if (event.type === "llm.token") return;
    remember(event.run_id, event.correlation_id);
    const fields = {
      run_id: event.run_id,
      correlation_id: event.correlation_id,
      segment_id: event.segment_id,
      ...(event.run_id === event.root_run_id ? {} : { root_run_id: event.root_run_id }),
      ...(event.step_id ? { step_id: event.step_id } : {}),
      event: event.type,
    };
    const log = logger();
    switch (event.type) {
      case "segment.started":
        log.info({ ...fields, revision: event.payload.revision }, "run started");
        return;
      case "segment.completed":
        log.info({ ...fields, duration_ms: event.payload.duration_ms, tokens: event.payload.tokens }, "run completed");
        break;
      case "segment.failed":
        log.info({ ...fields, error_code: event.payload.error.code, error_message: event.payload.error.message }, "run failed");
        break;
      case "segment.cancelled":
        log.info({ ...fields, reason: event.payload.reason }, "run cancelled");
        break;
      case "step.failed":
        log.info({ ...fields, attempt: event.payload.attempt, error_code: event.payload.error.code, error_message: event.payload.error.message }, "step failed");
        return;
      case "step.retrying":
        log.info({ ...fields, attempt: event.payload.attempt, delay_ms: event.payload.delay_ms, error_code: event.payload.error.code }, "step retrying");
        return;
      case "step.started":
        log.debug({ ...fields, step_type: event.payload.step_type, attempt: event.payload.attempt }, "step started");
        return;
      default:
        log.debug(fields, event.type);
        return;
    }
    correlations.delete(event.run_id);
  };

  return { listener, correlationOf: (runId) => correlations.get(runId) };
}
