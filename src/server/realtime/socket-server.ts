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
import { isSameOrigin } from "../auth/same-origin";
import { AppError } from "../services/errors";
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
  /** LLMTEAM_PUBLIC_URL: accepted as the origin of cookie-signed sockets besides the Host. */
  publicUrl?: string;
  /** Replay tuning; the defaults suit production. */
  limits?: Partial<ReplayLimits>;
};

const SUBSCRIBE_SHAPE = "{run_id: string, after_seq?: integer >= 0, batch?: boolean}";
const UNSUBSCRIBE_SHAPE = "{run_id: string}";

export function attachSocketServer(httpServer: HttpServer, deps: SocketServerDeps): Server {
  const io = new Server(httpServer, { path: SOCKET_PATH, serveClient: false });
  const dispatcher = new RunEventDispatcher(deps.events);

  // Credentials: `auth: {token: "<API key>"}` in the client's options, an Authorization header,
  // or the session cookie the browser sends with the handshake. A cookie-signed socket must be
  // opened by the app's own pages (cross-site WebSocket hijacking).
  io.use(async (socket, next) => {
    try {
      const headers: Record<string, string | string[] | undefined> = { ...socket.handshake.headers };
      const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
      if (typeof token === "string" && token !== "") headers.authorization = `Bearer ${token}`;
      const principal: Principal = await resolvePrincipal({ headers });
      if (principal.credential?.kind === "session" && headers.origin !== undefined && !isSameOrigin({ headers }, { publicUrl: deps.publicUrl ?? "" })) {
        throw new AppError("forbidden", "cross-site socket");
      }
      socket.data.principal = principal;
      next();
    } catch (err) {
      const code = err instanceof AppError ? err.code : "unauthorized";
      next(Object.assign(new Error(code === "forbidden" ? "forbidden" : "unauthorized"), { data: { code, message: err instanceof Error ? err.message : String(err) } }));
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
