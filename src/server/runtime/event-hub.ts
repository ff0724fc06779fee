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

  publish(events: readonly RunEvent[]): void {
    for (const event of events) this.#emit(event);
  }

  publishLive(event: LiveEvent): void {
    this.#emit(event);
  }

  #emit(event: RunEvent | LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (err) {
        getLogger().error({ err, run_id: event.run_id, correlation_id: event.correlation_id, event: event.type }, "a run event listener failed");
      }
    }
  }
}
