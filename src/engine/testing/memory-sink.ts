/** MemoryEventSink: keeps published events (bounded) and lets tests and the CLI subscribe. */
import type { LiveEvent, RunEvent } from "../../shared/events";
import type { EventSink } from "../ports";

export class MemoryEventSink implements EventSink {
  readonly stored: RunEvent[] = [];
  readonly live: LiveEvent[] = [];
  readonly #listeners = new Set<(event: RunEvent | LiveEvent) => void>();

  constructor(private readonly limit = 100_000) {}

  publish(events: readonly RunEvent[]): void {
    for (const event of events) {
      this.stored.push(event);
      this.#emit(event);
    }
    if (this.stored.length > this.limit) this.stored.splice(0, this.stored.length - this.limit);
  }

  publishLive(event: LiveEvent): void {
    this.live.push(event);
    if (this.live.length > this.limit) this.live.splice(0, this.live.length - this.limit);
    this.#emit(event);
  }

  #emit(event: RunEvent | LiveEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch {
        // a listener's failure must not break the engine
      }
    }
  }

  subscribe(listener: (event: RunEvent | LiveEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stored events of one run, in publish order. */
  eventsOf(runId: string): RunEvent[] {
    return this.stored.filter((event) => event.run_id === runId);
  }
}

/** A sink that drops everything (benchmarks). */
export const nullSink: EventSink = { publish() {}, publishLive() {} };
