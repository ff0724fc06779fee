// Fans run events out after they are committed: to the socket.io run dispatcher
// (src/server/realtime) and to in-process listeners (SSE, CLI, tests).
// Listeners never block the engine and a failing one is isolated.
import type { EventSink } from "../../engine";
import type { LiveEvent, RunEvent } from "../../shared/events";
import { getLogger } from "../logging/logger";

export type RunEventListener = (event: RunEvent | LiveEvent) => void;

export class EventHub implements EventSink {
  readonly #listeners = new Set<RunEventListener>();

  /** Follow every run's events; returns the unsubscribe function. */
  subscribe(listener: RunEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * A commit's events go to each listener in turn, all of them, in order: the socket sends of a
   * commit leave together (one read, one render in the browser) instead of being spaced out by
   * the other listeners' work on each event (logs, metrics).
   */
  publish(events: readonly RunEvent[]): void {
    for (const listener of this.#listeners) for (const event of events) this.#deliver(listener, event);
  }

  publishLive(event: LiveEvent): void {
    for (const listener of this.#listeners) this.#deliver(listener, event);
  }

  #deliver(listener: RunEventListener, event: RunEvent | LiveEvent): void {
    try {
      listener(event);
    } catch (err) {
      getLogger().error({ err, run_id: event.run_id, correlation_id: event.correlation_id, event: event.type }, "a run event listener failed");
    }
  }
}
