// The two things the live stream reads: a feed of events as they are committed (the in-process
// EventHub today; a cross-process feed such as a Redis subscription later) and the stored log
// the replay reads (the RunStore). Both are narrow so either can be swapped without touching
// the subscription logic.
import type { RunStore } from "../../engine";
import type { LiveEvent, RunEvent } from "../../shared/events";

/** Every run's events, after their commit (`llm.token`: as they stream). */
export interface RunEventSource {
  /** Returns the function that stops the listener. */
  subscribe(listener: (event: RunEvent | LiveEvent) => void): () => void;
}

/** The stored event log: `getRun` tells an unknown run apart, `listEvents` replays after a seq. */
export type RunEventLog = Pick<RunStore, "getRun" | "listEvents">;
