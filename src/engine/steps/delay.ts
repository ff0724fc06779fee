/**
 * delay: waits `seconds` or `until` a time, then passes its input on. Durable: the end time is
 * computed once, stored with the step (state + wake_at) and the run is woken by the scheduler,
 * so a restart neither restarts nor loses the wait.
 */
import { delayConfigSchema } from "../../shared/catalog";
import { complete, defineHandler, type StepOutcome } from "./types";

interface DelayState {
  until: string;
}

function waitUntil(until: Date, now: Date, input: unknown): StepOutcome {
  if (until.getTime() <= now.getTime()) return complete(input);
  return { kind: "suspend", state: { until: until.toISOString() } satisfies DelayState, wake_at: until };
}

export const delayHandler = defineHandler({
  // Computes its end time (stored with the suspended step when committed). Run again after a
  // crash before that commit, the wait starts again: at most the few ms of a held batch.
  pure: true,
  type: "delay",
  config: delayConfigSchema,
  async start(ctx) {
    const now = ctx.now();
    const until = ctx.config.until !== undefined ? new Date(ctx.config.until) : new Date(now.getTime() + (ctx.config.seconds ?? 0) * 1000);
    return waitUntil(until, now, ctx.input);
  },
  async resume(ctx) {
    const state = ctx.resume?.state as DelayState | null | undefined;
    const until = state?.until ? new Date(state.until) : ctx.now();
    return waitUntil(until, ctx.now(), ctx.input);
  },
});
