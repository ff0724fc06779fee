"use client";
/**
 * Between the socket and the react-query cache: incoming events are buffered and written once
 * per animation frame; the replay of a (re)subscribe is held until its ack and written in one
 * go, so opening a run with 10,000 events is one cache write, not 10,000.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { LiveEvent, RunEvent } from "@/shared/events/schema";
import { applyRunEvents, applyTokens, createRunLive, type RunLive } from "../lib/run-live-state";
import { readRunLive, runLiveKey } from "./run-live-cache";
import { followRun, type FollowStatus, type RunSocket } from "./socket";

/** Hidden tabs get no animation frames; flush on a timer there so the state stays current. */
const FLUSH_FALLBACK_MS = 250;

export type FollowIntoCacheOptions = {
  /** The steps of the run's revision, pending until their events arrive. */
  stepIds?: readonly string[];
  onStatus?: (status: FollowStatus) => void;
  /** After each cache write with stored events: their types (to refresh other queries). */
  onApplied?: (types: ReadonlySet<RunEvent["type"]>) => void;
  /** Tests pass their own connection; the page uses the shared one. */
  socket?: RunSocket;
};

/** Follows the run into `runLiveKey(runId)` until the returned function is called. */
export function followRunIntoCache(queryClient: QueryClient, runId: string, options: FollowIntoCacheOptions = {}): () => void {
  const buffer = new LiveBuffer(queryClient, runId, options.stepIds ?? [], options.onApplied ?? (() => undefined));
  const stop = followRun(
    runId,
    {
      afterSeq: () => buffer.lastSeq(),
      onEvent: (event) => buffer.pushEvent(event),
      onToken: (event) => buffer.pushToken(event),
      onSynced: () => buffer.synced(),
      onStatus: (status) => {
        if (status.kind === "connecting" || status.kind === "reconnecting") buffer.replaying();
        options.onStatus?.(status);
      },
    },
    ...(options.socket ? [options.socket] : []),
  );
  return () => {
    stop();
    buffer.dispose();
  };
}

class LiveBuffer {
  #events: RunEvent[] = [];
  #tokens: LiveEvent[] = [];
  #holding = true;
  #frame: number | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly runId: string,
    private readonly stepIds: readonly string[],
    private readonly onApplied: (types: ReadonlySet<RunEvent["type"]>) => void,
  ) {}

  /** The highest seq applied or waiting to be: a re-subscribe replays after it. */
  lastSeq(): number {
    const applied = readRunLive(this.queryClient, this.runId)?.last_seq ?? 0;
    let buffered = 0;
    for (const event of this.#events) buffered = Math.max(buffered, event.seq);
    return Math.max(applied, buffered);
  }

  /** A subscribe is in flight: hold its replay until it is complete. */
  replaying(): void {
    this.#holding = true;
  }

  synced(): void {
    this.#holding = false;
    this.flush();
  }

  pushEvent(event: RunEvent): void {
    this.#events.push(event);
    this.#schedule();
  }

  pushToken(event: LiveEvent): void {
    this.#tokens.push(event);
    this.#schedule();
  }

  #schedule(): void {
    if (this.#holding || this.#timer !== null) return;
    if (typeof requestAnimationFrame === "function") this.#frame = requestAnimationFrame(() => this.flush());
    this.#timer = setTimeout(() => this.flush(), FLUSH_FALLBACK_MS);
  }

  flush(): void {
    this.#cancelScheduled();
    if (this.#events.length === 0 && this.#tokens.length === 0) return;
    const events = this.#events;
    const tokens = this.#tokens;
    this.#events = [];
    this.#tokens = [];
    this.queryClient.setQueryData<RunLive>(runLiveKey(this.runId), (state) =>
      applyTokens(applyRunEvents(state ?? createRunLive(this.runId, this.stepIds), events), tokens),
    );
    if (events.length > 0) this.onApplied(new Set(events.map((e) => e.type)));
  }

  dispose(): void {
    this.#cancelScheduled();
  }

  #cancelScheduled(): void {
    if (this.#frame !== null && typeof cancelAnimationFrame === "function") cancelAnimationFrame(this.#frame);
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#frame = null;
    this.#timer = null;
  }
}
