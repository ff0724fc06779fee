// A socket.io client following runs as the browser does (docs/contracts/event-contract.md):
// `subscribe {run_id, after_seq: 0}` replays the log, then the ack, then live `run.event`s.
// Every event is stamped with the moment it arrived (epoch ms, sub-millisecond) and whether it
// came live (after the ack) or from the replay.
import { io, type Socket } from "socket.io-client";
import type { RunEvent } from "../../src/shared/events";

/** Wall-clock now in epoch milliseconds with sub-millisecond resolution (comparable to an event's `ts`). */
export const epochNow = () => performance.timeOrigin + performance.now();

export type Received = { event: RunEvent; at: number; live: boolean };

const END_TYPES = new Set(["segment.completed", "segment.failed", "segment.cancelled"]);

type Waiter = { match: (r: Received) => boolean; resolve: (r: Received) => void };

export class RunFollow {
  readonly received: Received[] = [];
  acked = false;
  private waiters: Waiter[] = [];

  constructor(readonly runId: string) {}

  add(event: RunEvent): void {
    const r = { event, at: epochNow(), live: this.acked };
    this.received.push(r);
    this.waiters = this.waiters.filter((w) => (w.match(r) ? (w.resolve(r), false) : true));
  }

  /** The first event (already received or to come) that matches; fails after `timeoutMs`. */
  waitFor(match: (e: RunEvent) => boolean, timeoutMs = 60_000, what = "event"): Promise<Received> {
    const seen = this.received.find((r) => match(r.event));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const last = this.received.at(-1)?.event;
        reject(new Error(`run ${this.runId}: no ${what} within ${timeoutMs / 1000} s (last event: ${last ? `#${last.seq} ${last.type} ${last.step_id ?? ""}` : "none"})`));
      }, timeoutMs);
      this.waiters.push({
        match: (r) => match(r.event),
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** segment.completed; a failed or cancelled run is an error. */
  async finished(timeoutMs = 120_000): Promise<Received> {
    const end = await this.waitFor((e) => END_TYPES.has(e.type), timeoutMs, "end of run");
    if (end.event.type !== "segment.completed") throw new Error(`run ${this.runId} ended ${end.event.type}: ${JSON.stringify(end.event.payload).slice(0, 300)}`);
    return end;
  }
}

export class EventFeed {
  private readonly follows = new Map<string, RunFollow>();

  private constructor(private readonly socket: Socket) {
    socket.on("run.event", (event: RunEvent) => this.follows.get(event.run_id)?.add(event));
  }

  static async open(origin: string): Promise<EventFeed> {
    const socket = io(origin, { path: "/socket.io", transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", () => resolve());
      socket.once("connect_error", (err) => reject(new Error(`socket.io: ${err.message}`)));
    });
    return new EventFeed(socket);
  }

  /** Subscribes from seq 0; resolves after the ack (replayed events are in `received` already). */
  async follow(runId: string): Promise<RunFollow> {
    const follow = new RunFollow(runId);
    this.follows.set(runId, follow);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`subscribe ${runId}: no ack in 30 s`)), 30_000);
      this.socket.emit("subscribe", { run_id: runId, after_seq: 0 }, (ack: { ok: boolean; error?: { message: string } }) => {
        clearTimeout(timer);
        follow.acked = true;
        if (ack.ok) resolve();
        else reject(new Error(`subscribe ${runId}: ${ack.error?.message ?? "refused"}`));
      });
    });
    return follow;
  }

  unfollow(runId: string): void {
    this.follows.delete(runId);
    this.socket.emit("unsubscribe", { run_id: runId }, () => {});
  }

  close(): void {
    this.socket.close();
  }
}
