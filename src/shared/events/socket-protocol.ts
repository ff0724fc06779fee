/**
 * The socket.io protocol for following runs (docs/contracts/event-contract.md, "Live stream").
 *
 * Client → server:
 *   `subscribe`   {run_id, after_seq, batch?}  ack: SubscribeAck
 *       The server first sends every stored event of the run with seq > after_seq as
 *       `run.event`, in seq order, then the ack, then live events as they are committed:
 *       no gap and no duplicate, whatever was committed while the replay was read.
 *       With `batch: true` the replay comes as `run.events` arrays (up to 500 events each,
 *       in seq order) instead: 20 messages for a 10,000-event log instead of 10,000, which
 *       is what makes a long run open fast. Live events are `run.event` either way.
 *       Subscribing again to the same run restarts from the new after_seq (a reconnect).
 *   `unsubscribe` {run_id}             ack: {ok: true}
 * Server → client:
 *   `run.event`   RunEvent   (stored; carries seq)
 *   `run.events`  RunEvent[] (a page of the replay, only for `batch: true` subscriptions)
 *   `llm.token`   LiveEvent  (live only, no seq; only while subscribed, never replayed)
 *
 * Child runs (subsegment/map) are separate runs: a client subscribes to each it shows.
 */
import { z } from "zod";

export const SOCKET_PATH = "/socket.io";

export const SOCKET_EVENTS = {
  subscribe: "subscribe",
  unsubscribe: "unsubscribe",
  runEvent: "run.event",
  runEvents: "run.events",
  llmToken: "llm.token",
} as const;

export const subscribeRequestSchema = z.object({
  run_id: z.string().min(1).max(64),
  /** Replay events with seq greater than this; 0 (default) replays the whole log. */
  after_seq: z.number().int().min(0).default(0),
  /** Replay as `run.events` arrays instead of one `run.event` per event. */
  batch: z.boolean().default(false),
});
export type SubscribeRequest = z.input<typeof subscribeRequestSchema>;

export const unsubscribeRequestSchema = z.object({ run_id: z.string().min(1).max(64) });

export type SocketError = { code: "invalid_request" | "not_found" | "forbidden" | "internal"; message: string };

export type SubscribeAck =
  | {
      ok: true;
      run_id: string;
      /** How many stored events were replayed before this ack. */
      replayed: number;
      /** The highest seq sent so far (after_seq when nothing was replayed). */
      last_seq: number;
    }
  | { ok: false; error: SocketError };

export type UnsubscribeAck = { ok: true } | { ok: false; error: SocketError };
