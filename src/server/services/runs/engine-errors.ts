// Engine refusals (EngineError codes) become the services' AppErrors, so tRPC,
// REST and the CLI answer them with the right status and a readable message.
import { EngineError, type EngineErrorCode } from "../../../engine";
import { AppError, type AppErrorCode } from "../errors";

const CODES: Partial<Record<EngineErrorCode, AppErrorCode>> = {
  run_not_found: "not_found",
  approval_not_found: "not_found",
  segment_not_found: "not_found",
  step_not_found: "not_found",
  run_finished: "conflict",
  run_not_paused: "conflict",
  run_cancelled: "conflict",
  approval_already_decided: "conflict",
  invalid_decision: "invalid_data",
  invalid_input: "invalid_data",
  invalid_segment: "invalid_segment",
};

/**
 * An EngineError, also from another copy of the engine module: the server's engine is loaded by
 * main.ts, while Next.js bundles the API routes (and this file) with their own copy of the
 * class, so `instanceof` alone misses the engine's refusals there.
 */
function isEngineError(err: unknown): err is EngineError {
  return (
    err instanceof EngineError ||
    (err instanceof Error && typeof (err as Partial<EngineError>).code === "string" && Array.isArray((err as Partial<EngineError>).problems))
  );
}

/** Runs `fn`, translating an EngineError; anything else passes through. */
export async function engineCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isEngineError(err)) {
      const code = CODES[err.code];
      if (code) {
        const message = err.message.charAt(0).toUpperCase() + err.message.slice(1);
        throw new AppError(code, message, err.problems.map((message) => ({ message })));
      }
    }
    throw err;
  }
}
