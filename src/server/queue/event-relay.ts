// Run events between processes in queue mode, over socket.io's Redis adapter (web processes) and
// emitter (workers): each process sends the events it committed, as a server-side message every
// web process receives and feeds to its own live feed; the live stream's replay-then-follow logic
// (run-subscription.ts) then orders them by seq and fills any gap from the stored log, so events
// from several workers never arrive out of order or twice. The events were committed to
// PostgreSQL before they are sent. JSON text, not the adapter's msgpack: events arrive exactly
// as they were published (no undefined turned into null).
import type { LiveEvent, RunEvent } from "../../shared/events";
import type { EventHub } from "../runtime/event-hub";

type AnyEvent = RunEvent | LiveEvent;

/** Forwards `committed`'s events to `send`, a batch per event-loop turn. Returns the stop function. */
export function relayCommitted(committed: EventHub, send: (json: string) => void): () => void {
  let batch: AnyEvent[] = [];
  const flush = () => {
    const out = batch;
    batch = [];
    if (out.length > 0) send(JSON.stringify(out));
  };
  return committed.subscribe((event) => {
    if (batch.length === 0) setImmediate(flush);
    batch.push(event);
  });
}

/** Feeds a batch received from another process into this process's live feed. */
export function receiveRelayed(feed: EventHub, json: unknown): void {
  if (typeof json !== "string") return;
  let events: AnyEvent[];
  try {
    events = JSON.parse(json) as AnyEvent[];
  } catch {
    return;
  }
  if (!Array.isArray(events)) return;
  for (const event of events) {
    if (event.type === "llm.token") feed.publishLive(event as LiveEvent);
    else feed.publish([event as RunEvent]);
  }
}
