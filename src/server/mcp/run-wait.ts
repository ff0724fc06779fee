// Waiting for a run on behalf of an MCP tool call (run_segment / get_run / decide_approval with
// `wait`): until the run finished, or only a person can move it (waiting for an approval,
// paused), or the wait is up. Unlike the CLI's wait, running out of time never cancels the run:
// the agent gets the run as it is now and can look again with get_run.
import type { Engine } from "../../engine";
import { AdvanceTracker, waitUntilSettled } from "../runtime/run-settle";
import type { RunDetail } from "../../shared/resources/run-detail";
import type { RunStatus } from "../../shared/resources/run-resource";
import { getRun } from "../services/runs/get-run";
import type { McpContext } from "./context";

/** The longest an MCP tool call waits for a run (seconds). */
export const MAX_WAIT_SECONDS = 300;

export const SETTLED_STATUSES: ReadonlySet<RunStatus> = new Set(["completed", "failed", "cancelled", "waiting", "paused"]);

// One tracker per engine: it wraps engine.advance once, however many tool calls wait.
const trackers = new WeakMap<Engine, AdvanceTracker>();

function trackerFor(engine: Engine): AdvanceTracker {
  let tracker = trackers.get(engine);
  if (!tracker) {
    tracker = new AdvanceTracker(engine);
    trackers.set(engine, tracker);
  }
  return tracker;
}

/** Call once when a process starts serving MCP, so advances already in flight are counted. */
export function trackAdvances(engine: Engine): void {
  trackerFor(engine);
}

export type WaitOutcome = { run: RunDetail; timedOut: boolean };

/**
 * Resolves with the run once it settled or after `seconds` (then `timedOut`, the run as it is).
 * `signal` (the MCP request's: the client cancelled or went away) ends the wait early the same way.
 * `onProgress` is called every few seconds while waiting.
 */
export async function waitForRun(
  ctx: McpContext,
  runId: string,
  seconds: number,
  options: { signal?: AbortSignal; onProgress?: (elapsedSeconds: number) => void } = {},
): Promise<WaitOutcome> {
  const services = ctx.services;
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), Math.max(0, seconds) * 1000);
  const started = Date.now();
  const ticker = options.onProgress ? setInterval(() => options.onProgress?.(Math.round((Date.now() - started) / 1000)), 5_000) : undefined;
  const onAbort = () => stop.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const run = await waitUntilSettled(
      {
        events: ctx.events,
        tracker: trackerFor(services.engine),
        getRun: (id) => getRun(services, { run_id: id }),
        // Only used with timeoutMs/signal options, which are not passed: a wait never cancels.
        cancel: async () => {},
        closed: stop.signal,
      },
      runId,
    );
    return { run, timedOut: false };
  } catch (error) {
    if (!stop.signal.aborted) throw error;
    return { run: await getRun(services, { run_id: runId }), timedOut: true };
  } finally {
    clearTimeout(timer);
    clearInterval(ticker);
    options.signal?.removeEventListener("abort", onAbort);
  }
}
