// The run view's live layer against the real socket server: what the browser folds into its
// cache equals the stored log, with no gap and no duplicate, across a dropped connection.
import { QueryClient } from "@tanstack/react-query";
import { io as connect } from "socket.io-client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { followRunIntoCache } from "../../src/features/run-view/live/live-buffer";
import { readRunLive } from "../../src/features/run-view/live/run-live-cache";
import type { FollowStatus, RunSocket } from "../../src/features/run-view/live/socket";
import { applyRunEvents, createRunLive, type RunLive } from "../../src/features/run-view/lib/run-live-state";
import { SOCKET_PATH } from "../../src/shared/events/socket-protocol";
import { startHarness, startManualRun, storedEvents, type Harness } from "../realtime/harness";

let h: Harness;
let stops: (() => void)[] = [];

beforeEach(async () => {
  h = await startHarness();
});

afterEach(async () => {
  for (const stop of stops) stop();
  stops = [];
  await h.close();
});

function clientSocket(): RunSocket {
  return connect(h.url, { path: SOCKET_PATH, transports: ["websocket"], forceNew: true, reconnectionDelay: 20, reconnectionDelayMax: 50 }) as unknown as RunSocket;
}

async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function follow(queryClient: QueryClient, runId: string, socket: RunSocket) {
  const statuses: FollowStatus["kind"][] = [];
  const stop = followRunIntoCache(queryClient, runId, { socket, onStatus: (s) => statuses.push(s.kind) });
  stops.push(stop, () => socket.close());
  return { statuses, state: (): RunLive | undefined => readRunLive(queryClient, runId) };
}

describe("followRunIntoCache", () => {
  it("late-join: the replay lands in one cache write, then live events follow", async () => {
    const run = await startManualRun(h);
    await run.commit(5);
    const queryClient = new QueryClient();
    let writes = 0;
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === "updated" && event.action.type === "success") writes += 1;
    });
    const client = follow(queryClient, run.runId, clientSocket());
    await until(() => client.state()?.last_seq === 5, "the replay");
    expect(writes).toBe(1);
    await until(() => client.statuses.includes("live"), "live");
    await run.commit(3);
    await until(() => client.state()?.last_seq === 8, "the live events");
    const stored = await storedEvents(h, run.runId);
    expect(client.state()?.events.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
  });

  it("dropped-connection: events committed while away are replayed once, nothing is shown twice", async () => {
    const run = await startManualRun(h);
    await run.commit(3);
    const queryClient = new QueryClient();
    const socket = clientSocket();
    const client = follow(queryClient, run.runId, socket);
    await until(() => client.state()?.last_seq === 3 && client.statuses.includes("live"), "the first sync");

    const dropped = new Promise<void>((resolve) => socket.once("disconnect", () => resolve()));
    socket.io.engine.close();
    await dropped;
    // Committed and published while the browser is away: only the replay can bring them.
    await run.commit(4);
    await until(() => client.statuses.filter((s) => s === "live").length >= 2, "the re-subscribe");
    await run.commit(2);
    await until(() => client.state()?.last_seq === 9, "every event");

    const stored = await storedEvents(h, run.runId);
    expect(client.statuses).toContain("reconnecting");
    expect(client.state()?.events.map((e) => e.seq)).toEqual(stored.map((e) => e.seq));
    expect(client.state()).toEqual(applyRunEvents(createRunLive(run.runId, []), stored));
  });
});
