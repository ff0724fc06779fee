/**
 * Retry policy: exponential backoff with jitter. Pure; the caller stores the resulting time
 * (StepRecord.wake_at) so the wait survives restarts.
 */
import type { RetryPolicy } from "../../shared/segment";

export const RETRY_DEFAULTS = { initial_seconds: 1, multiplier: 2, max_seconds: 300 } as const;
/** Share of the delay that jitter may take off: the delay is in [(1 - JITTER) · d, d]. */
export const JITTER = 0.2;

export function maxAttempts(policy: RetryPolicy | undefined): number {
  return policy?.max_attempts ?? 1;
}

/**
 * Delay in ms before attempt `failedAttempt + 1`: initial · multiplier^(failedAttempt-1),
 * capped at max_seconds, minus up to 20 % jitter (`random` in [0, 1)).
 */
export function backoffMs(policy: RetryPolicy | undefined, failedAttempt: number, random: () => number): number {
  const initial = policy?.initial_seconds ?? RETRY_DEFAULTS.initial_seconds;
  const multiplier = policy?.multiplier ?? RETRY_DEFAULTS.multiplier;
  const max = policy?.max_seconds ?? RETRY_DEFAULTS.max_seconds;
  const seconds = Math.min(max, initial * multiplier ** Math.max(0, failedAttempt - 1));
  const jittered = seconds * (1 - JITTER * random());
  return Math.max(0, Math.round(jittered * 1000));
}
