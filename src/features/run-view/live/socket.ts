"use client";
/**
 * The browser's one socket.io connection, and `followRun`: subscribe to a run per
 * src/shared/events/socket-protocol.ts, re-subscribing from the last applied seq after every
 * (re)connect, so a dropped connection shows no gap and no duplicate.
 */
import { io, type Socket } from "socket.io-client";
import type { LiveEvent, RunEvent } from "@/shared/events/schema";
import { SOCKET_EVENTS, SOCKET_PATH, type SubscribeAck, type SubscribeRequest, type UnsubscribeAck } from "@/shared/events/socket-protocol";

type ServerEvents = {
  [SOCKET_EVENTS.runEvent]: (event: RunEvent) => void;
  [SOCKET_EVENTS.runEvents]: (events: RunEvent[]) => void;
  [SOCKET_EVENTS.llmToken]: (event: LiveEvent) => void;
};
type ClientEvents = {
  [SOCKET_EVENTS.subscribe]: (request: SubscribeRequest, ack: (reply: SubscribeAck) => void) => void;
  [SOCKET_EVENTS.unsubscribe]: (request: { run_id: string }, ack: (reply: UnsubscribeAck) => void) => void;
};
export type RunSocket = Socket<ServerEvents, ClientEvents>;

/** Longer than any replay we expect; past it the view applies what it has and says it is catching up. */
const SUBSCRIBE_TIMEOUT_MS = 15_000;

let shared: RunSocket | null = null;

function runSocket(): RunSocket {
  shared ??= io({ path: SOCKET_PATH, transports: ["websocket", "polling"] });
  return shared;
}

export type FollowStatus =
  | { kind: "connecting" }
  | { kind: "live" }
  | { kind: "reconnecting" }
  | { kind: "error"; message: string; code: string };

export type FollowHandlers = {
  /** The seq to replay after: the highest one already applied (or buffered). */
  afterSeq: () => number;
  /** A stored event; replayed ones come before `onSynced`. */
  onEvent: (event: RunEvent) => void;
  onToken: (event: LiveEvent) => void;
  /** The replay of a (re)subscribe is complete: everything up to now has arrived. */
  onSynced: () => void;
  onStatus: (status: FollowStatus) => void;
};

/** Follows one run until the returned function is called (on the page's shared connection unless given one). */
export function followRun(runId: string, handlers: FollowHandlers, socket: RunSocket = runSocket()): () => void {
  let stopped = false;
  let attempt = 0;

  const onEvent = (event: RunEvent) => {
    if (!stopped && event.run_id === runId) handlers.onEvent(event);
  };
  // The replay comes in pages (`batch: true`): a long run opens with a few messages, not thousands.
  const onEvents = (events: RunEvent[]) => {
    if (stopped) return;
    for (const event of events) if (event.run_id === runId) handlers.onEvent(event);
  };
  const onToken = (event: LiveEvent) => {
    if (!stopped && event.run_id === runId) handlers.onToken(event);
  };
  const subscribe = () => {
    const mine = ++attempt;
    socket.timeout(SUBSCRIBE_TIMEOUT_MS).emit(SOCKET_EVENTS.subscribe, { run_id: runId, after_seq: handlers.afterSeq(), batch: true }, (error, reply) => {
      if (stopped || mine !== attempt) return;
      handlers.onSynced();
      if (error) {
        handlers.onStatus({ kind: "error", code: "timeout", message: "The server did not answer the subscription in time." });
      } else if (!reply.ok) {
        handlers.onStatus({ kind: "error", code: reply.error.code, message: reply.error.message });
      } else {
        handlers.onStatus({ kind: "live" });
      }
    });
  };
  const onConnect = () => subscribe();
  const onDisconnect = (reason: Socket.DisconnectReason) => {
    if (stopped) return;
    handlers.onStatus({ kind: "reconnecting" });
    // The server closing the connection is the one case socket.io does not retry by itself.
    if (reason === "io server disconnect") socket.connect();
  };

  socket.on(SOCKET_EVENTS.runEvent, onEvent);
  socket.on(SOCKET_EVENTS.runEvents, onEvents);
  socket.on(SOCKET_EVENTS.llmToken, onToken);
  socket.on("connect", onConnect);
  socket.on("disconnect", onDisconnect);
  handlers.onStatus({ kind: "connecting" });
  if (socket.connected) subscribe();
  else socket.connect();

  return () => {
    stopped = true;
    socket.off(SOCKET_EVENTS.runEvent, onEvent);
    socket.off(SOCKET_EVENTS.runEvents, onEvents);
    socket.off(SOCKET_EVENTS.llmToken, onToken);
    socket.off("connect", onConnect);
    socket.off("disconnect", onDisconnect);
    if (socket.connected) socket.emit(SOCKET_EVENTS.unsubscribe, { run_id: runId }, () => undefined);
  };
}
