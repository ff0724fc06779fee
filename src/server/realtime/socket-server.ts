// socket.io on the same HTTP server and port as Next. Connections pass the auth seam; each
// socket then follows runs with the replay-then-follow protocol of
// src/shared/events/socket-protocol.ts (docs/contracts/event-contract.md, "Live stream").
// Events go to each subscribed socket directly rather than through rooms: every subscription
// has its own replay position, which a room cannot express.
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import {
  SOCKET_EVENTS,
  SOCKET_PATH,
  subscribeRequestSchema,
  unsubscribeRequestSchema,
  type SubscribeAck,
  type UnsubscribeAck,
} from "../../shared/events/socket-protocol";
import { resolvePrincipal, type Principal } from "../auth/principal";
import type { RunEventLog, RunEventSource } from "./event-source";
import { parseRequest, splitArgs } from "./requests";
import { RunEventDispatcher } from "./run-dispatcher";
import type { ReplayLimits } from "./run-subscription";
import { SocketSubscriptions } from "./socket-subscriptions";

export type SocketServerDeps = {
  /** Events as they are committed: the engine runtime's EventHub (later a cross-process feed). */
  events: RunEventSource;
  /** The stored log replays read: the RunStore. */
  runs: RunEventLog;
  /** Replay tuning; the defaults suit production. */
  limits?: Partial<ReplayLimits>;
};

const SUBSCRIBE_SHAPE = "{run_id: string, after_seq?: integer >= 0, batch?: boolean}";
const UNSUBSCRIBE_SHAPE = "{run_id: string}";

export function attachSocketServer(httpServer: HttpServer, deps: SocketServerDeps): Server {
  const io = new Server(httpServer, { path: SOCKET_PATH, serveClient: false });
  const dispatcher = new RunEventDispatcher(deps.events);

  io.use(async (socket, next) => {
    try {
      const principal: Principal = await resolvePrincipal({ headers: socket.handshake.headers });
      socket.data.principal = principal;
      next();
    } catch {
      next(new Error("unauthorized"));
    }
  });

  io.on("connection", (socket) => {
    const subscriptions = new SocketSubscriptions({
      dispatcher,
      log: deps.runs,
      limits: deps.limits,
      out: {
        event: (event) => socket.emit(SOCKET_EVENTS.runEvent, event),
        token: (event) => socket.emit(SOCKET_EVENTS.llmToken, event),
        events: (events) => socket.emit(SOCKET_EVENTS.runEvents, events),
      },
    });

    // Per-run access checks (the "forbidden" ack) go here once runs have owners beyond the local one.
    socket.on(SOCKET_EVENTS.subscribe, (...args: unknown[]) => {
      const { payload, reply } = splitArgs<SubscribeAck>(args);
      const request = parseRequest(subscribeRequestSchema, payload, `subscribe ${SUBSCRIBE_SHAPE}`);
      if (!request.ok) return reply(request);
      void subscriptions.subscribe(request.data.run_id, request.data.after_seq, reply, { batch: request.data.batch });
    });

    socket.on(SOCKET_EVENTS.unsubscribe, (...args: unknown[]) => {
      const { payload, reply } = splitArgs<UnsubscribeAck>(args);
      const request = parseRequest(unsubscribeRequestSchema, payload, `unsubscribe ${UNSUBSCRIBE_SHAPE}`);
      if (!request.ok) return reply(request);
      void subscriptions.unsubscribe(request.data.run_id, reply);
    });

    socket.on("disconnect", () => subscriptions.close());
  });
  return io;
}
