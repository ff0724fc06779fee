// Follows one run tree's events for one listener (LLMTeam.run/wait/decide/subscribe).
import type { RunStore } from "../engine";
import type { EventHub } from "../server/runtime/event-hub";
import type { LiveEvent, RunEvent } from "../shared/events";

export type RunEventListener = (event: RunEvent | LiveEvent) => void;

/**
 * Delivers a run tree's events to one listener: stored events in seq order per run with no gap
 * and no repeat (a gap is filled from the event log), live events as they come. Events seen
 * before the root run is known are held back, so a run's first events are never missed.
 */
export class EventFollower {
  #root: string | null = null;
  #held: (RunEvent | LiveEvent)[] = [];
  readonly #cursors = new Map<string, number>();
  #chain: Promise<void> = Promise.resolve();
  #closed = false;
  readonly #unsubscribe: () => void;

  constructor(
    events: EventHub,
    private readonly store: Pick<RunStore, "listEvents">,
    private readonly listener: RunEventListener,
    /** New runs: every run of the tree starts at seq 1. Otherwise a run is followed from the first event seen. */
    private readonly fromStart: boolean,
  ) {
    this.#unsubscribe = events.subscribe((event) => this.push(event));
  }

  setRoot(runId: string, afterSeq?: number): void {
    this.#root = runId;
    if (afterSeq !== undefined) {
      this.#cursors.set(runId, afterSeq);
      this.#enqueue(() => this.#backfill(runId));
    }
    const held = this.#held;
    this.#held = [];
    for (const event of held) this.push(event);
  }

  push(event: RunEvent | LiveEvent): void {
    if (this.#closed) return;
    if (this.#root === null) {
      this.#held.push(event);
      return;
    }
    if (event.run_id !== this.#root && event.root_run_id !== this.#root) return;
    this.#enqueue(() => this.#deliver(event));
  }

  /** Delivers what is still queued, then anything in the log not delivered yet. */
  async drain(): Promise<void> {
    if (this.#root !== null && this.fromStart && !this.#cursors.has(this.#root)) this.#cursors.set(this.#root, 0);
    for (const runId of this.#cursors.keys()) this.#enqueue(() => this.#backfill(runId));
    await this.#chain;
  }

  close(): void {
    this.#unsubscribe();
    this.#closed = true;
    this.#held = [];
  }

  #enqueue(task: () => Promise<void> | void): void {
    this.#chain = this.#chain.then(task).catch(() => {});
  }

  async #deliver(event: RunEvent | LiveEvent): Promise<void> {
    if (event.type === "llm.token") return this.#emit(event);
    const last = this.#cursors.get(event.run_id) ?? (this.fromStart ? 0 : event.seq - 1);
    if (event.seq <= last) return;
    if (event.seq === last + 1) {
      this.#cursors.set(event.run_id, event.seq);
      return this.#emit(event);
    }
    this.#cursors.set(event.run_id, last);
    await this.#backfill(event.run_id);
  }

  async #backfill(runId: string): Promise<void> {
    const after = this.#cursors.get(runId) ?? 0;
    for (const event of await this.store.listEvents(runId, after)) {
      if (event.seq <= (this.#cursors.get(runId) ?? 0)) continue;
      this.#cursors.set(runId, event.seq);
      this.#emit(event);
    }
  }

  #emit(event: RunEvent | LiveEvent): void {
    if (this.#closed) return;
    try {
      this.listener(event);
    } catch (err) {
      console.error("[llmteam] an event listener failed:", err);
    }
  }
}
