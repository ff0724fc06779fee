// When is a run done for a caller that waits on it (LLMTeam.run/wait/decide, the CLI)? When it
// finished, or when only a person can move it and nothing is being applied right now.
import type { Engine } from "../../engine";
import type { EventHub } from "./event-hub";
import type { RunDetail } from "../../shared/resources/run-detail";
import type { RunStatus } from "../../shared/resources/run-resource";

const FINISHED: ReadonlySet<RunStatus> = new Set(["completed", "failed", "cancelled"]);
/** Only a person can move these: a human step waits, or someone paused the run. */
const PARKED: ReadonlySet<RunStatus> = new Set(["waiting", "paused"]);

const nextMacrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Counts the engine's advances in this process, so a wait can tell "waiting for a person" from
 * "a decision or a child run's result is being applied right now": the stored status is
 * `waiting` in both. The in-process scheduler calls `engine.advance` through the engine object,
 * so wrapping that method sees every advance it runs.
 * TODO: use an idle signal from EngineRuntime once it exposes one.
 */
export class AdvanceTracker {
  inFlight = 0;
  /** Advances started so far: a change during a read means the read may be stale. */
  started = 0;
  readonly #listeners = new Set<() => void>();

  constructor(engine: Engine) {
    const advance = engine.advance.bind(engine);
    engine.advance = async (runId) => {
      this.inFlight++;
      this.started++;
      try {
        return await advance(runId);
      } finally {
        this.inFlight--;
        for (const listener of this.#listeners) listener();
      }
    };
  }

  onAdvanced(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}

export type SettleOptions = {
  /** Cancel the run if it has not settled after this many milliseconds (it then settles as `cancelled`). */
  timeoutMs?: number;
  /** Called when timeoutMs expires, before the run is cancelled. */
  onTimeout?: () => void;
  /** Aborting cancels the run (it then settles as `cancelled`), as a timeout does. */
  signal?: AbortSignal;
};

export type SettleDeps = {
  events: EventHub;
  tracker: AdvanceTracker;
  getRun(runId: string): Promise<RunDetail>;
  /** Requests a cancel; resolves (does not reject) when the run already finished. */
  cancel(runId: string): Promise<void>;
  /** Aborted when the owner closes: pending waits reject. */
  closed: AbortSignal;
};

/**
 * Resolves with the run once it settled. Looks again after each event of the run tree and each
 * advance in this process, never on a timer; keeps the process alive meanwhile (the engine's
 * own timers, delay and retry backoff, are unref'd).
 */
export function waitUntilSettled(deps: SettleDeps, runId: string, options: SettleOptions = {}): Promise<RunDetail> {
  const { tracker } = deps;
  return new Promise<RunDetail>((resolve, reject) => {
    let done = false;
    let checking = false;
    let again = false;

    const look = async (): Promise<RunDetail | null> => {
      await nextMacrotask(); // let advances just scheduled start
      if (tracker.inFlight > 0) return null; // its end triggers another look
      const started = tracker.started;
      const run = await deps.getRun(runId);
      if (FINISHED.has(run.status)) return run;
      const quiet = tracker.inFlight === 0 && tracker.started === started;
      return PARKED.has(run.status) && quiet ? run : null;
    };
    const check = () => {
      if (done) return;
      if (checking) {
        again = true;
        return;
      }
      checking = true;
      void (async () => {
        try {
          do {
            again = false;
            const run = await look();
            if (run) return finish(() => resolve(run));
          } while (again && !done);
        } catch (error) {
          finish(() => reject(error));
        } finally {
          checking = false;
        }
      })();
    };
    const cancel = () => {
      deps.cancel(runId).then(check, (error: unknown) => finish(() => reject(error)));
    };
    const onClosed = () => finish(() => reject(new Error(`closed while waiting for run ${runId}`)));

    const offEvents = deps.events.subscribe((event) => {
      if (event.run_id === runId || event.root_run_id === runId) check();
    });
    const offAdvances = tracker.onAdvanced(check);
    const keepAlive = setInterval(() => {}, 2 ** 31 - 1);
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            options.onTimeout?.();
            cancel();
          }, options.timeoutMs);
    options.signal?.addEventListener("abort", cancel, { once: true });
    deps.closed.addEventListener("abort", onClosed, { once: true });

    function finish(settle: () => void) {
      if (done) return;
      done = true;
      offEvents();
      offAdvances();
      clearInterval(keepAlive);
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", cancel);
      deps.closed.removeEventListener("abort", onClosed);
      settle();
    }

    if (deps.closed.aborted) return onClosed();
    if (options.signal?.aborted) cancel();
    check();
  });
}
