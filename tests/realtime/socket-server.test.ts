import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { io as connect, type Socket } from "socket.io-client";
import type { Server } from "socket.io";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachSocketServer } from "../../src/server/realtime/socket-server";

let http: HttpServer;
let io: Server;
let url: string;
beforeAll(async () => {
  http = createServer((_req, res) => res.end("plain http still served"));
  io = attachSocketServer(http);
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
});

function client(): Promise<Socket> {
  const socket = connect(url, { path: "/socket.io", transports: ["websocket"], reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

describe("socket.io on the app's HTTP server", () => {
  it("shares the port with ordinary HTTP requests", async () => {
    expect(await (await fetch(url)).text()).toBe("plain http still served");
    const socket = await client();
    expect(socket.connected).toBe(true);
    socket.close();
  });

  it("subscribing to a run joins its room and receives what is emitted there", async () => {
    const socket = await client();
    const ack = await socket.emitWithAck("subscribe", { run_id: "run-1" });
    expect(ack).toEqual({ ok: true });
    const received = new Promise((resolve) => socket.once("run.event", resolve));
    io.to("run:run-1").emit("run.event", { seq: 1 });
    expect(await received).toEqual({ seq: 1 });
    socket.close();
  });

  it("a malformed subscribe is refused with a reason", async () => {
    const socket = await client();
    expect(await socket.emitWithAck("subscribe", { runId: 5 })).toEqual({
      ok: false,
      error: "subscribe needs {run_id: string}",
    });
    socket.close();
  });

  it("after unsubscribing, events of that run no longer arrive", async () => {
    const socket = await client();
    await socket.emitWithAck("subscribe", { run_id: "run-2" });
    await socket.emitWithAck("unsubscribe", { run_id: "run-2" });
    let got = false;
    socket.on("run.event", () => (got = true));
    io.to("run:run-2").emit("run.event", { seq: 1 });
    // A round trip after the emit: anything sent to the room would have arrived before the ack.
    await socket.emitWithAck("subscribe", { run_id: "other" });
    expect(got).toBe(false);
    socket.close();
  });
});
