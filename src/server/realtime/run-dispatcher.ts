// One listener on the event source for the whole socket server, fanning each event out to the
// subscriptions of its run only: O(subscribers of that run) per event, whatever the number of
// runs followed. The source listener exists only while someone follows a run, so a closed
// subscription leaves nothing behind.
import type { LiveEvent, RunEvent } from "../../shared/events";
import type { RunEventSource } from "./event-source";
import { getLogger } from "../logging/logger";

export interface RunEventFollower {
  receive(event: RunEvent | LiveEvent): void;
}

export class RunEventDispatcher {
  readonly #source: RunEventSource;
  readonly #byRun = new Map<string, Set<RunEventFollower>>();
  #detach: (() => void) | null = null;

  constructor(source: RunEventSource) {
    this.#source = source;
  }

  /**
   * Delivers the run's events to `follower` from now on (synchronously, in publish order).
   * Returns the function that stops it; calling it twice is harmless.
   */
  follow(runId: string, follower: RunEventFollower): () => void {
    let followers = this.#byRun.get(runId);
    if (!followers) {
      followers = new Set();
      this.#byRun.set(runId, followers);
    }
    followers.add(follower);
    this.#detach ??= this.#source.subscribe((event) => this.#dispatch(event));
    const own = followers;
    return () => {
      own.delete(follower);
      if (own.size === 0 && this.#byRun.get(runId) === own) this.#byRun.delete(runId);
      if (this.#byRun.size === 0 && this.#detach) {
        this.#detach();
        this.#detach = null;
      }
    };
  }

  #dispatch(event: RunEvent | LiveEvent): void {
    const followers = this.#byRun.get(event.run_id);
    if (!followers) return;
    for (const follower of followers) {
      // One broken subscription must not starve the others of the same run.
      try {
        follower.receive(event);
      } catch (err) {
        getLogger().error({ err, run_id: event.run_id, correlation_id: event.correlation_id }, "realtime: delivering a run event failed");
      }
    }
  }
}
