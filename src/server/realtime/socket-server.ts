// socket.io on the same HTTP server and port as Next. Connections pass the
// auth seam; clients join `run:<id>` rooms to follow a run (the live-run
// issue adds the replay-then-follow event stream).
import type { Server as HttpServer } from "node:http";
import { Server } from "socket.io";
import { z } from "zod";
import { resolvePrincipal, type Principal } from "../auth/principal";
import type { EventHub } from "../runtime/event-hub";

const subscribeSchema = z.object({ run_id: z.string().min(1).max(64) });

type Ack = (reply: { ok: true } | { ok: false; error: string }) => void;

/**
 * Attaches socket.io; when given the event hub, every run event is emitted as
 * `run.event` to the room of its run (the live-run view adds replay from a seq).
 */
export function attachSocketServer(httpServer: HttpServer, events?: EventHub): Server {
  const io = new Server(httpServer, { path: "/socket.io", serveClient: false });
  events?.subscribe((event) => {
    io.to(`run:${event.run_id}`).emit("run.event", event);
  });

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
    socket.on("subscribe", async (payload: unknown, ack?: Ack) => {
      const parsed = subscribeSchema.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false, error: "subscribe needs {run_id: string}" });
      await socket.join(`run:${parsed.data.run_id}`);
      ack?.({ ok: true });
    });
    socket.on("unsubscribe", async (payload: unknown, ack?: Ack) => {
      const parsed = subscribeSchema.safeParse(payload);
      if (!parsed.success) return ack?.({ ok: false, error: "unsubscribe needs {run_id: string}" });
      await socket.leave(`run:${parsed.data.run_id}`);
      ack?.({ ok: true });
    });
  });
  return io;
}
