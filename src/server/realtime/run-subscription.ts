// One client following one run: every stored event with seq > after_seq exactly once and in
// seq order, then the live ones, with no gap even when events are committed while the log is
// being read. The subscription is registered with the dispatcher BEFORE the log is read, so
// anything committed meanwhile is either in the read or held here; held events at or below the
// last seq sent are dropped. A live event that skips a seq (published out of order, or by
// another process) makes it read the missing ones from the log instead of waiting for them.
// A batch subscription (the browser's) also gets the live events published together (one
// commit) as one message: one read and one render on the page, not one per event.
import type { LiveEvent, RunEvent } from "../../shared/events";
import type { RunEventLog } from "./event-source";
import type { RunEventFollower } from "./run-dispatcher";
import { getLogger } from "../logging/logger";

export type RunStreamOutput = {
  event(event: RunEvent): void;
  token(event: LiveEvent): void;
  /**
   * Given: the replay goes out a page at a time through it, and live events published in the
   * same turn of the event loop (a commit's) go out together through it.
   */
  events?(events: RunEvent[]): void;
};

export type ReplayLimits = {
  /** Live events held while the log is read; beyond it they are dropped and the log read again. */
  holdLimit: number;
  /** Replayed events sent between two yields to the event loop (other sockets keep flowing). */
  pageSize: number;
};

export const DEFAULT_REPLAY_LIMITS: ReplayLimits = { holdLimit: 1000, pageSize: 500 };

export type ReplayResult = { replayed: number; last_seq: number };

type Mode = "catching_up" | "live" | "closed";

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class RunSubscription implements RunEventFollower {
  readonly runId: string;
  readonly #log: RunEventLog;
  readonly #out: RunStreamOutput;
  readonly #limits: ReplayLimits;
  readonly #onError: (error: unknown) => void;
  #lastSeq: number;
  // Holding from birth: events that arrive before start() reads the log must not be lost.
  #mode: Mode = "catching_up";
  #held: RunEvent[] = [];
  #overflowed = false;
  /** Live events to send together at the end of this turn of the event loop (batch output only). */
  #pending: RunEvent[] = [];

  constructor(options: {
    runId: string;
    afterSeq: number;
    log: RunEventLog;
    out: RunStreamOutput;
    limits?: Partial<ReplayLimits>;
    onError?: (error: unknown) => void;
  }) {
    this.runId = options.runId;
    this.#lastSeq = options.afterSeq;
    this.#log = options.log;
    this.#out = options.out;
    this.#limits = { ...DEFAULT_REPLAY_LIMITS, ...options.limits };
    this.#onError = options.onError ?? ((error) => getLogger().error({ err: error, run_id: options.runId }, "realtime: following a run failed"));
  }

  /**
   * Replays the log after `afterSeq`, then goes live. `ready` is called synchronously at the
   * switch, after the last replayed event was handed to the output and before any live one,
   * so an ack sent from it sits exactly between the replay and the live stream.
   * Rejects when the log cannot be read; resolves without calling `ready` if closed meanwhile.
   */
  async start(ready: (result: ReplayResult) => void): Promise<void> {
    await this.#catchUp(ready);
  }

  receive(event: RunEvent | LiveEvent): void {
    if (event.type === "llm.token") {
      // Live-only preview: meaningful once the client holds the log up to now, never replayed.
      if (this.#mode === "live") {
        this.#flushPending();
        this.#out.token(event);
      }
      return;
    }
    if (this.#mode === "closed" || event.seq <= this.#lastSeq) return;
    if (this.#mode === "catching_up") {
      this.#hold(event);
      return;
    }
    if (event.seq === this.#lastSeq + 1) {
      this.#send(event);
      if (this.#held.length > 0) this.#sendHeldInOrder();
      return;
    }
    // A gap: the missing events are committed (this one was published after its commit, and
    // seqs are allocated in commit order), so the log has them.
    this.#hold(event);
    this.#catchUp().catch((error: unknown) => {
      // Stay live with what is held: the next event finds the gap again and retries the read.
      if (this.#mode !== "closed") this.#mode = "live";
      this.#onError(error);
    });
  }

  close(): void {
    this.#mode = "closed";
    this.#held = [];
    this.#pending = [];
  }

  #isClosed(): boolean {
    return this.#mode === "closed";
  }

  #hold(event: RunEvent): void {
    if (this.#overflowed) return; // the next read of the log brings them
    if (this.#held.length >= this.#limits.holdLimit) {
      this.#held = [];
      this.#overflowed = true;
      return;
    }
    this.#held.push(event);
  }

  #send(event: RunEvent): void {
    this.#lastSeq = event.seq;
    if (this.#mode === "live" && this.#out.events) {
      // A commit's events are published in one synchronous loop: a microtask runs after the last.
      if (this.#pending.push(event) === 1) queueMicrotask(() => this.#flushPending());
      return;
    }
    this.#flushPending();
    this.#out.event(event);
  }

  /** Sends the live events gathered by #send: in order, before anything sent after them. */
  #flushPending(): void {
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    if (this.#mode === "closed") return;
    if (events.length === 1) this.#out.event(events[0] as RunEvent);
    else this.#out.events?.(events);
  }

  async #catchUp(ready?: (result: ReplayResult) => void): Promise<void> {
    // What was gathered live goes before what the log read brings.
    this.#flushPending();
    this.#mode = "catching_up";
    let replayed = 0;
    for (;;) {
      // Reset before reading: whatever is published from here on is held (or re-read).
      this.#overflowed = false;
      const events = await this.#log.listEvents(this.runId, this.#lastSeq);
      if (this.#isClosed()) return;
      replayed += await this.#sendPages(events);
      if (this.#isClosed()) return;
      if (this.#overflowed) continue;
      replayed += this.#sendHeldInOrder();
      // Held events left over start past a gap; they are committed, so one more read fills it.
      if (this.#held.length === 0) break;
    }
    ready?.({ replayed, last_seq: this.#lastSeq });
    this.#mode = "live";
  }

  /** Sends the events after lastSeq in pages, yielding between pages; returns how many went. */
  async #sendPages(events: readonly RunEvent[]): Promise<number> {
    if (this.#out.events) return this.#sendBatches(events, this.#out.events);
    let sent = 0;
    let inPage = 0;
    for (const event of events) {
      if (event.seq <= this.#lastSeq) continue;
      if (inPage === this.#limits.pageSize) {
        inPage = 0;
        await nextTick();
        if (this.#isClosed()) return sent;
      }
      this.#send(event);
      sent += 1;
      inPage += 1;
    }
    return sent;
  }

  /** #sendPages for outputs that take a page per message. */
  async #sendBatches(events: readonly RunEvent[], emit: (events: RunEvent[]) => void): Promise<number> {
    let sent = 0;
    let page: RunEvent[] = [];
    const flush = () => {
      if (page.length === 0) return;
      emit(page);
      this.#lastSeq = page[page.length - 1]!.seq;
      sent += page.length;
      page = [];
    };
    for (const event of events) {
      // The log is in seq order; anything at or below what was sent is a re-read overlap.
      if (event.seq <= (page.length > 0 ? page[page.length - 1]!.seq : this.#lastSeq)) continue;
      page.push(event);
      if (page.length === this.#limits.pageSize) {
        flush();
        await nextTick();
        if (this.#isClosed()) return sent;
      }
    }
    flush();
    return sent;
  }

  /**
   * Sends held events that continue the sequence, keeps those past a gap, drops those already
   * sent. Returns how many went.
   */
  #sendHeldInOrder(): number {
    this.#held.sort((a, b) => a.seq - b.seq);
    let sent = 0;
    let index = 0;
    for (; index < this.#held.length; index += 1) {
      const event = this.#held[index] as RunEvent;
      if (event.seq <= this.#lastSeq) continue;
      if (event.seq !== this.#lastSeq + 1) break;
      this.#send(event);
      sent += 1;
    }
    this.#held = this.#held.slice(index);
    return sent;
  }
}
