// The socket server's edges: it shares the app's port, refuses bad requests with a reason,
// and lets go of everything a socket followed once it unsubscribes or disconnects.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SOCKET_EVENTS } from "../../src/shared/events/socket-protocol";
import { range, startHarness, startManualRun, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("socket.io on the app's HTTP server", () => {
  it("shares the port with ordinary HTTP requests", async () => {
    expect(await (await fetch(h.url)).text()).toBe("plain http still served");
    const watcher = await h.watch();
    expect(watcher.socket.connected).toBe(true);
  });
});

describe("bad requests", () => {
  it("unknown-run: subscribing to a run that does not exist answers not_found and follows nothing", async () => {
    const watcher = await h.watch();
    const ack = await watcher.subscribe("no-such-run");
    expect(ack).toEqual({ ok: false, error: { code: "not_found", message: 'Run "no-such-run" does not exist.' } });
    expect(h.source.listeners).toBe(0);
  });

  it.each([
    ["a missing run_id", { runId: "x" }, /run_id/],
    ["a numeric run_id", { run_id: 5 }, /run_id/],
    ["a negative after_seq", { run_id: "x", after_seq: -1 }, /after_seq/],
    ["a fractional after_seq", { run_id: "x", after_seq: 1.5 }, /after_seq/],
    ["no object at all", "run-1", /payload/],
  ])("malformed-subscribe: %s is refused as invalid_request naming the field", async (_what, payload, field) => {
    const watcher = await h.watch();
    const ack = (await watcher.socket.emitWithAck(SOCKET_EVENTS.subscribe, payload)) as { ok: boolean; error: { code: string; message: string } };
    expect(ack.ok).toBe(false);
    expect(ack.error.code).toBe("invalid_request");
    expect(ack.error.message).toMatch(/^Expected subscribe \{run_id: string, after_seq\?: integer >= 0, batch\?: boolean\}; /);
    expect(ack.error.message).toMatch(field);
  });

  it("malformed-subscribe: a subscribe with no payload at all still gets its ack", async () => {
    const watcher = await h.watch();
    const ack = (await watcher.socket.emitWithAck(SOCKET_EVENTS.subscribe)) as { ok: boolean; error: { code: string } };
    expect(ack).toMatchObject({ ok: false, error: { code: "invalid_request" } });
  });

  it("malformed-unsubscribe: an unsubscribe without run_id is refused as invalid_request", async () => {
    const watcher = await h.watch();
    const ack = await watcher.socket.emitWithAck(SOCKET_EVENTS.unsubscribe, {});
    expect(ack).toMatchObject({ ok: false, error: { code: "invalid_request", message: expect.stringMatching(/run_id/) } });
  });
});

describe("live delivery", () => {
  it("live-commit-batch: a batch subscription gets each commit's events as one message, a plain one event by event, both in seq order", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const [batched, plain] = await Promise.all([h.watch(), h.watch()]);
    await batched.subscribe(run.runId, 0, { batch: true });
    await plain.subscribe(run.runId);
    const pagesBefore = batched.batches.length;

    await run.commit(4);
    await run.commit(1);
    await run.commit(3);
    for (const watcher of [batched, plain]) {
      await watcher.waitForSeq(run.runId, 10);
      await watcher.roundTrip();
      expect(watcher.seqs(run.runId)).toEqual(range(1, 10));
    }
    // One message per commit (a single event goes as run.event); nothing as a page on the plain socket.
    expect(batched.batches.slice(pagesBefore)).toEqual([4, 3]);
    expect(plain.batches).toEqual([]);
    await Promise.all([batched.unsubscribe(run.runId), plain.unsubscribe(run.runId)]);
  });

  it("live-batch-then-token: a token published right after a commit arrives after that commit's events", async () => {
    const run = await startManualRun(h);
    const watcher = await h.watch();
    await watcher.subscribe(run.runId, 0, { batch: true });
    const events = await run.commit(3, { publish: false });
    run.publish(events);
    const last = events[2]!;
    h.runtime.events.publishLive({
      event_id: "token-0",
      run_id: last.run_id,
      root_run_id: last.root_run_id,
      segment_id: last.segment_id,
      type: "llm.token",
      step_id: "s",
      ts: last.ts,
      correlation_id: last.correlation_id,
      payload: { attempt: 1, role: "agent", index: 0, token: "hi" },
    });
    await watcher.waitForSeq(run.runId, 3);
    await watcher.roundTrip();
    expect(watcher.received.filter((r) => r.kind !== "ack").map((r) => r.kind)).toEqual(["event", "event", "event", "token"]);
    await watcher.unsubscribe(run.runId);
  });
});

describe("letting go", () => {
  it("unsubscribe-stops-delivery: after unsubscribing, new events of the run no longer arrive", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const watcher = await h.watch();
    await watcher.subscribe(run.runId);
    expect(await watcher.unsubscribe(run.runId)).toEqual({ ok: true });
    await run.commit(3);
    await watcher.roundTrip();
    expect(watcher.seqs(run.runId)).toEqual([1, 2]);
    expect(h.source.listeners).toBe(0);
  });

  it("unsubscribe-during-replay: an unsubscribe sent while the replay is read is answered after the subscribe, and stops it", async () => {
    const run = await startManualRun(h);
    await run.commit(3);
    const watcher = await h.watch();
    const paused = h.log.pauseNextRead("after");
    const subscribed = watcher.subscribe(run.runId);
    await paused.reached;
    const unsubscribed = watcher.unsubscribe(run.runId);
    paused.release();
    expect(await subscribed).toMatchObject({ ok: true, replayed: 3, last_seq: 3 });
    expect(await unsubscribed).toEqual({ ok: true });
    await run.commit(1);
    await watcher.roundTrip();
    expect(watcher.seqs(run.runId)).toEqual([1, 2, 3]);
    expect(h.source.listeners).toBe(0);
  });

  it("disconnect-leak: closing sockets, even mid-replay, releases the event-source listener", async () => {
    const run = await startManualRun(h);
    await run.commit(2);
    const [a, b, c] = [await h.watch(), await h.watch(), await h.watch()];
    await a.subscribe(run.runId);
    await b.subscribe(run.runId);
    // One listener for the whole server, however many sockets follow the run.
    expect(h.source.listeners).toBe(1);
    const paused = h.log.pauseNextRead("after");
    void c.subscribe(run.runId).catch(() => {});
    await paused.reached;
    a.close();
    b.close();
    c.close();
    paused.release();
    await waitUntil(() => h.source.listeners === 0);
    // Events committed afterwards reach a new subscriber normally.
    await run.commit(1);
    const d = await h.watch();
    await d.subscribe(run.runId);
    expect(d.seqs(run.runId)).toEqual(range(1, 3));
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("condition never became true");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
