/**
 * Errors as values at the edges: commands (start, decide, cancel, ...) throw EngineError with a
 * stable `code`; step handlers throw StepError, which the runner records on the step.
 */
import type { StepErrorInfo } from "./model";

export type EngineErrorCode =
  | "run_not_found"
  | "run_finished"
  | "run_not_paused"
  | "run_cancelled"
  | "approval_not_found"
  | "approval_already_decided"
  | "invalid_decision"
  | "invalid_input"
  | "segment_not_found"
  | "invalid_segment"
  | "step_not_found"
  | "duplicate_step_type"
  | "lease_lost";

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  /** Every problem found, for `invalid_decision` / `invalid_segment`. */
  readonly problems: string[];

  constructor(code: EngineErrorCode, message: string, problems: string[] = []) {
    super(message);
    this.name = "EngineError";
    this.code = code;
    this.problems = problems;
  }
}

export class LeaseLostError extends EngineError {
  constructor(runId: string) {
    super("lease_lost", `the lease on run ${runId} was lost (another worker took it over)`);
    this.name = "LeaseLostError";
  }
}

export interface StepErrorOptions {
  /** False: retrying cannot help (bad config, a rejection); the retry policy is skipped. */
  retryable?: boolean;
  details?: Record<string, unknown>;
  /** Tokens and cost spent by the failed attempt (still counted in the run's totals). */
  usage?: { input_tokens: number; output_tokens: number; cost: number };
}

/** A step attempt failed. Handlers throw it; anything else thrown becomes code `step_error`. */
export class StepError extends Error {
  readonly code: string;
  readonly retryable: boolean;
  readonly details: Record<string, unknown> | undefined;
  readonly usage: StepErrorOptions["usage"];

  constructor(code: string, message: string, options: StepErrorOptions = {}) {
    super(message);
    this.name = "StepError";
    this.code = code;
    this.retryable = options.retryable ?? true;
    this.details = options.details;
    this.usage = options.usage;
  }

  toInfo(): StepErrorInfo {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

/** Normalizes anything a handler threw. */
export function toStepError(error: unknown): StepError {
  if (error instanceof StepError) return error;
  if (error instanceof Error) return new StepError("step_error", error.message || error.name);
  return new StepError("step_error", typeof error === "string" ? error : "the step failed");
}
