// One run's events as Server-Sent Events (GET /api/v1/runs/{id}/events): the same replay-then-
// follow subscription as socket.io (RunSubscription: every stored event after `afterSeq` once and
// in seq order, then the live ones, no gap across the switch), written as SSE frames:
//   id: <seq>\nevent: <type>\ndata: <event JSON>\n\n     (stored events; `id` lets
//   EventSource resume with Last-Event-ID after a dropped connection)
//   event: llm.token\ndata: <event JSON>\n\n             (live only, no id: never replayed)
// The stream ends after the run's terminal event (segment.completed / failed / cancelled).
// A comment line every `heartbeatMs` keeps proxies from closing a quiet stream.
import type { LiveEvent, RunEvent } from "../../shared/events";
import type { RunEventLog, RunEventSource } from "./event-source";
import { RunEventDispatcher } from "./run-dispatcher";
import { RunSubscription } from "./run-subscription";
import { getLogger } from "../logging/logger";

export const TERMINAL_EVENT_TYPES: ReadonlySet<string> = new Set(["segment.completed", "segment.failed", "segment.cancelled"]);

const HEARTBEAT_MS = 15_000;

export type SseRunStreamOptions = {
  runId: string;
  afterSeq: number;
  events: RunEventSource;
  log: RunEventLog;
  /** The request's signal: the client went away. */
  signal?: AbortSignal;
  heartbeatMs?: number;
};

export function sseFrame(event: RunEvent | LiveEvent): string {
  const data = JSON.stringify(event);
  return event.type === "llm.token" ? `event: llm.token\ndata: ${data}\n\n` : `id: ${event.seq}\nevent: ${event.type}\ndata: ${data}\n\n`;
}

/** The SSE body. The caller has checked that the run exists. */
export function sseRunStream(options: SseRunStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop = () => undefined as void;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const dispatcher = new RunEventDispatcher(options.events);
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        subscription.close();
        unfollow();
        options.signal?.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      stop = close;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      const subscription = new RunSubscription({
        runId: options.runId,
        afterSeq: options.afterSeq,
        log: options.log,
        out: {
          event: (event) => {
            write(sseFrame(event));
            if (TERMINAL_EVENT_TYPES.has(event.type)) close();
          },
          token: (event) => write(sseFrame(event)),
        },
        onError: (error) => {
          getLogger().error({ err: error, run_id: options.runId }, "sse: following a run failed");
          write(`event: error\ndata: ${JSON.stringify({ code: "internal", message: "Could not read the run's events; reconnect to resume." })}\n\n`);
          close();
        },
      });
      // Follow before reading the log (as socket.io does): nothing committed meanwhile is lost.
      const unfollow = dispatcher.follow(options.runId, subscription);
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
      if (options.signal?.aborted) return close();
      options.signal?.addEventListener("abort", close);
      // Tell EventSource how soon to reconnect, then replay.
      write("retry: 2000\n\n");
      subscription.start(() => undefined).catch((error: unknown) => {
        getLogger().error({ err: error, run_id: options.runId }, "sse: replaying a run failed");
        write(`event: error\ndata: ${JSON.stringify({ code: "internal", message: "Could not read the run's events; reconnect to resume." })}\n\n`);
        close();
      });
    },
    cancel() {
      stop();
    },
  });
}
