// A real socket server for the live-stream tests: PGlite, the engine runtime and its event hub,
// an HTTP server on an ephemeral port, and socket.io-client watchers. Two seams let a test
// steer timing without replacing anything: the event log can be paused right before or right
// after a replay read, and the event source counts its listeners and can hold events back.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { v7 as uuidv7 } from "uuid";
import type { Lease, NewRunEvent, RunRecord, RunStore } from "../../src/engine";
import type { RunEventLog, RunEventSource } from "../../src/server/realtime/event-source";
import type { ReplayLimits } from "../../src/server/realtime/run-subscription";
import { attachSocketServer } from "../../src/server/realtime/socket-server";
import { createEngineRuntime, type EngineRuntime } from "../../src/server/runtime/engine-runtime";
import type { LiveEvent, RunEvent } from "../../src/shared/events";
import { SOCKET_EVENTS, SOCKET_PATH, type SubscribeAck, type UnsubscribeAck } from "../../src/shared/events/socket-protocol";
import type { SegmentInput } from "../../src/shared/segment";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";

type Listener = (event: RunEvent | LiveEvent) => void;

/** The hub as the socket server sees it, plus a listener count and a way to swallow events. */
export class ObservedSource implements RunEventSource {
  readonly #inner: RunEventSource;
  listeners = 0;
  /** Events for which this returns true never reach the socket server (published elsewhere). */
  swallow: (event: RunEvent | LiveEvent) => boolean = () => false;

  constructor(inner: RunEventSource) {
    this.#inner = inner;
  }

  subscribe(listener: Listener): () => void {
    this.listeners += 1;
    const stop = this.#inner.subscribe((event) => {
      if (!this.swallow(event)) listener(event);
    });
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.listeners -= 1;
      stop();
    };
  }
}

type Gate = { phase: "before" | "after"; reached: () => void; released: Promise<void> };

/** The RunStore's log with a pause on the next replay read, to commit events in the middle of it. */
export class PausableLog implements RunEventLog {
  readonly #store: RunStore;
  #gate: Gate | null = null;
  reads = 0;

  constructor(store: RunStore) {
    this.#store = store;
  }

  getRun(runId: string) {
    return this.#store.getRun(runId);
  }

  /**
   * Pauses the next listEvents: "before" it queries the store (what is committed meanwhile is in
   * the read) or "after" (the read misses it). `reached` resolves once the read is paused there.
   */
  pauseNextRead(phase: Gate["phase"]): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#gate = { phase, reached, released };
    return { reached: reachedPromise, release };
  }

  async listEvents(runId: string, afterSeq?: number): Promise<RunEvent[]> {
    this.reads += 1;
    const gate = this.#gate;
    this.#gate = null;
    if (gate?.phase === "before") {
      gate.reached();
      await gate.released;
    }
    const events = await this.#store.listEvents(runId, afterSeq);
    if (gate?.phase === "after") {
      gate.reached();
      await gate.released;
    }
    return events;
  }
}

type Received = { kind: "event"; event: RunEvent } | { kind: "token"; event: LiveEvent } | { kind: "ack"; ack: SubscribeAck };

/** A socket.io client that records everything it receives, in arrival order. */
export class Watcher {
  readonly socket: Socket;
  readonly received: Received[] = [];
  readonly #waiters = new Set<() => void>();

  constructor(socket: Socket) {
    this.socket = socket;
    socket.on(SOCKET_EVENTS.runEvent, (event: RunEvent) => this.#record({ kind: "event", event }));
    socket.on(SOCKET_EVENTS.llmToken, (event: LiveEvent) => this.#record({ kind: "token", event }));
    socket.on(SOCKET_EVENTS.runEvents, (events: RunEvent[]) => {
      this.batches.push(events.length);
      for (const event of events) this.#record({ kind: "event", event });
    });
  }

  /** The sizes of the `run.events` pages received (batch subscriptions), in arrival order. */
  readonly batches: number[] = [];

  async subscribe(runId: string, afterSeq?: number, options: { batch?: boolean } = {}): Promise<SubscribeAck> {
    const payload = { run_id: runId, ...(afterSeq === undefined ? {} : { after_seq: afterSeq }), ...(options.batch ? { batch: true } : {}) };
    const ack = (await this.socket.emitWithAck(SOCKET_EVENTS.subscribe, payload)) as SubscribeAck;
    this.#record({ kind: "ack", ack });
    return ack;
  }

  async unsubscribe(runId: string): Promise<UnsubscribeAck> {
    return (await this.socket.emitWithAck(SOCKET_EVENTS.unsubscribe, { run_id: runId })) as UnsubscribeAck;
  }

  events(runId: string): RunEvent[] {
    return this.received.flatMap((r) => (r.kind === "event" && r.event.run_id === runId ? [r.event] : []));
  }

  seqs(runId: string): number[] {
    return this.events(runId).map((e) => e.seq);
  }

  tokens(runId?: string): LiveEvent[] {
    return this.received.flatMap((r) => (r.kind === "token" && (runId === undefined || r.event.run_id === runId) ? [r.event] : []));
  }

  /** Resolves once an event of the run with `seq` (or higher) has arrived. */
  async waitForSeq(runId: string, seq: number, timeoutMs = 10_000): Promise<void> {
    const done = () => this.events(runId).some((e) => e.seq >= seq);
    if (done()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`seq ${seq} of run ${runId} never arrived; got ${this.seqs(runId).join(",")}`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      this.#waiters.add(check);
    });
  }

  /**
   * A request/ack round trip: whatever the server sent this socket before handling it has
   * arrived when this resolves (a socket delivers in order), so a duplicate would show by now.
   */
  async roundTrip(): Promise<void> {
    await this.socket.emitWithAck(SOCKET_EVENTS.unsubscribe, { run_id: "round-trip" });
  }

  async reconnect(): Promise<void> {
    const connected = new Promise<void>((resolve, reject) => {
      this.socket.once("connect", () => resolve());
      this.socket.once("connect_error", reject);
    });
    this.socket.connect();
    await connected;
  }

  close(): void {
    this.socket.close();
  }

  #record(entry: Received): void {
    this.received.push(entry);
    for (const waiter of [...this.#waiters]) waiter();
  }
}

export type Harness = {
  t: TestDatabase;
  runtime: EngineRuntime;
  store: RunStore;
  source: ObservedSource;
  log: PausableLog;
  io: Server;
  url: string;
  watch(): Promise<Watcher>;
  close(): Promise<void>;
};

export async function startHarness(options: { limits?: Partial<ReplayLimits> } = {}): Promise<Harness> {
  const t = await openTestDatabase("pglite");
  const runtime = createEngineRuntime(t.db);
  const source = new ObservedSource(runtime.events);
  const log = new PausableLog(t.db.runStore);
  const http: HttpServer = createServer((_req, res) => res.end("plain http still served"));
  const io = attachSocketServer(http, { events: source, runs: log, ...(options.limits ? { limits: options.limits } : {}) });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const watchers: Watcher[] = [];
  return {
    t,
    runtime,
    store: t.db.runStore,
    source,
    log,
    io,
    url,
    async watch() {
      const socket = connect(url, { path: SOCKET_PATH, transports: ["websocket"], reconnection: false, forceNew: true });
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const watcher = new Watcher(socket);
      watchers.push(watcher);
      return watcher;
    },
    async close() {
      for (const watcher of watchers) watcher.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await runtime.stop();
      await t.cleanup();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Runs

export async function saveSegment(h: Harness, doc: SegmentInput): Promise<void> {
  await h.t.db.repos.segments.saveRevision({ id: doc.segment_id, name: doc.name, description: null, document: { ...doc }, by: "test" });
}

export async function waitForStatus(h: Harness, runId: string, statuses: RunRecord["status"][], timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = await h.store.getRun(runId);
    if (run && statuses.includes(run.status)) return;
    if (Date.now() > until) throw new Error(`run ${runId} stayed ${run?.status}, expected ${statuses.join("|")}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Decides the run's only pending approval (approve) through the engine, as the API does. */
export async function approvePending(h: Harness, runId: string): Promise<void> {
  const [approval] = await h.runtime.engine.listApprovals({ run_id: runId, status: "pending" });
  if (!approval) throw new Error(`run ${runId} has no pending approval`);
  await h.runtime.engine.decide({ approval_id: approval.approval_id, decision: "approve", decided_by: "test" });
}

export async function storedEvents(h: Harness, runId: string): Promise<RunEvent[]> {
  return h.store.listEvents(runId);
}

/**
 * A run driven by hand, the way the engine's committer does it: commit events under the run's
 * lease, then publish what was committed to the hub. Lets a test commit exactly when it wants.
 */
export type ManualRun = {
  runId: string;
  /** Commits `count` events; publishes them unless told not to. Returns the committed events. */
  commit(count: number, options?: { publish?: boolean }): Promise<RunEvent[]>;
  publish(events: readonly RunEvent[]): void;
};

export async function startManualRun(h: Harness): Promise<ManualRun> {
  const segmentId = "manual";
  if (!(await h.t.db.repos.segments.get(segmentId))) {
    await saveSegment(h, {
      segment_id: segmentId,
      name: "Manual",
      entrypoint: "s",
      steps: [{ step_id: "s", type: "transform", config: { expression: "input" } }],
      edges: [],
    });
  }
  const runId = uuidv7();
  const now = new Date().toISOString();
  await h.store.createRun({
    run_id: runId,
    root_run_id: runId,
    parent_run_id: null,
    parent_step_id: null,
    segment_id: segmentId,
    revision: 1,
    status: "running",
    input: {},
    output: null,
    error: null,
    correlation_id: runId,
    created_by: "test",
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    control: null,
    wake_at: null,
    created_at: now,
    started_at: now,
    finished_at: null,
  });
  const claim = await h.store.claim(runId, "test", now, new Date(Date.now() + 3_600_000).toISOString());
  if (!claim.ok) throw new Error("could not claim the manual run");
  const lease: Lease = claim.lease;
  let attempt = 0;
  const publish = (events: readonly RunEvent[]) => h.runtime.events.publish(events);
  return {
    runId,
    publish,
    async commit(count, options = {}) {
      const events: NewRunEvent[] = Array.from({ length: count }, () => {
        attempt += 1;
        return {
          event_id: uuidv7(),
          run_id: runId,
          root_run_id: runId,
          segment_id: segmentId,
          ts: new Date().toISOString(),
          correlation_id: runId,
          step_id: "s",
          type: "step.started",
          payload: { step_type: "transform", attempt, input: null },
        };
      });
      const result = await h.store.commit(lease, { events });
      if (options.publish !== false) publish(result.events);
      return result.events;
    },
  };
}

export const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
