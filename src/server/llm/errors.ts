// Provider failures as step errors the runner can act on: auth problems are not retryable,
// rate limits and server errors are. Messages name the ref and never contain the API key.
import { APICallError, LoadAPIKeyError, RetryError } from "ai";
import { StepError } from "../../engine/errors";
import type { LlmRefConfig } from "../config/llms";

const MAX_MESSAGE = 500;

/** Removes the key (and any bearer token) from text that may echo it. */
export function redact(text: string, secret: string | undefined): string {
  let out = text;
  if (secret && secret.length >= 4) out = out.split(secret).join("[redacted]");
  return out.replace(/(Bearer\s+)[^\s"']+/gi, "$1[redacted]");
}

function retryAfterSeconds(headers: Record<string, string> | undefined): number | undefined {
  const value = headers?.["retry-after"];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** The error a failed call aborted by its signal ends with: the engine's reason when it gave one. */
export function abortError(signal: AbortSignal, ref: string): StepError {
  if (signal.reason instanceof StepError) return signal.reason;
  return new StepError("llm_aborted", `${ref}: the LLM call was aborted`, { retryable: false });
}

export function toLlmStepError(error: unknown, ref: LlmRefConfig): StepError {
  if (error instanceof StepError) return error;
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  const key = ref.apiKey();
  const clean = (text: string) => {
    const redacted = redact(text, key).trim();
    return redacted.length > MAX_MESSAGE ? `${redacted.slice(0, MAX_MESSAGE)}…` : redacted;
  };
  const keyHint = ref.api_key_env ? ` (check the key in ${ref.api_key_env})` : "";

  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    const detail = clean(cause.message || "no message");
    if (status === 401 || status === 403) {
      return new StepError("llm_auth_error", `${ref.ref}: the provider refused the request (HTTP ${status})${keyHint}: ${detail}`, {
        retryable: false,
        details: { status },
      });
    }
    if (status === 429) {
      const retryAfter = retryAfterSeconds(cause.responseHeaders);
      return new StepError("llm_rate_limited", `${ref.ref}: rate limited by the provider (HTTP 429): ${detail}`, {
        retryable: true,
        details: retryAfter === undefined ? { status } : { status, retry_after_seconds: retryAfter },
      });
    }
    const what = status === undefined ? "the provider could not be reached" : `the provider answered HTTP ${status}`;
    return new StepError("llm_error", `${ref.ref}: ${what}: ${detail}`, {
      retryable: cause.isRetryable,
      ...(status === undefined ? {} : { details: { status } }),
    });
  }
  if (LoadAPIKeyError.isInstance(cause)) {
    return new StepError("llm_auth_error", `${ref.ref}: no API key${keyHint}`, { retryable: false });
  }
  const message = cause instanceof Error ? cause.message || cause.name : String(cause);
  return new StepError("llm_error", `${ref.ref}: ${clean(message)}`);
}
