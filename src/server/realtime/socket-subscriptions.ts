// The runs one socket follows. Requests for the same run are handled one after the other, in
// the order they arrived, so every ack tells the truth: a second subscribe (a reconnect or a
// late join from another seq) replaces the first once that one has answered, and an
// unsubscribe sent during a replay stops it right after its ack. Disconnecting stops
// everything at once.
import type { SocketError, SubscribeAck, UnsubscribeAck } from "../../shared/events/socket-protocol";
import type { RunEventLog } from "./event-source";
import type { RunEventDispatcher } from "./run-dispatcher";
import { RunSubscription, type ReplayLimits, type RunStreamOutput } from "./run-subscription";
import { getLogger } from "../logging/logger";

type Active = { subscription: RunSubscription; stop: () => void };

export type SocketSubscriptionsOptions = {
  dispatcher: RunEventDispatcher;
  log: RunEventLog;
  out: RunStreamOutput;
  limits?: Partial<ReplayLimits> | undefined;
};

const internal = (message: string): { ok: false; error: SocketError } => ({ ok: false, error: { code: "internal", message } });

export class SocketSubscriptions {
  readonly #options: SocketSubscriptionsOptions;
  readonly #active = new Map<string, Active>();
  readonly #queues = new Map<string, Promise<void>>();
  #closed = false;

  constructor(options: SocketSubscriptionsOptions) {
    this.#options = options;
  }

  /**
   * Replays the run after `afterSeq`, then follows it live. `reply` gets the ack synchronously
   * between the last replayed event and the first live one.
   */
  subscribe(runId: string, afterSeq: number, reply: (ack: SubscribeAck) => void, options: { batch?: boolean } = {}): Promise<void> {
    return this.#enqueue(runId, async () => {
      if (this.#closed) return;
      let known: boolean;
      try {
        known = (await this.#options.log.getRun(runId)) !== null;
      } catch (error) {
        getLogger().error({ err: error, run_id: runId }, "realtime: looking up a run failed");
        return reply(internal(`Could not look up run "${runId}"; try again.`));
      }
      if (this.#closed) return;
      if (!known) return reply({ ok: false, error: { code: "not_found", message: `Run "${runId}" does not exist.` } });

      this.#stop(runId);
      const subscription = new RunSubscription({
        runId,
        afterSeq,
        log: this.#options.log,
        out: options.batch ? this.#options.out : { event: this.#options.out.event, token: this.#options.out.token },
        limits: this.#options.limits,
      });
      // Follow before reading the log: nothing committed from now on can slip between the two.
      const unfollow = this.#options.dispatcher.follow(runId, subscription);
      const stop = () => {
        subscription.close();
        unfollow();
      };
      this.#active.set(runId, { subscription, stop });
      try {
        await subscription.start((result) => reply({ ok: true, run_id: runId, ...result }));
      } catch (error) {
        getLogger().error({ err: error, run_id: runId }, "realtime: replaying a run failed");
        this.#stop(runId, subscription);
        reply(internal(`Could not read the events of run "${runId}"; try again.`));
      }
    });
  }

  unsubscribe(runId: string, reply: (ack: UnsubscribeAck) => void): Promise<void> {
    return this.#enqueue(runId, async () => {
      this.#stop(runId);
      reply({ ok: true });
    });
  }

  /** The socket is gone: stop every subscription now, including replays in progress. */
  close(): void {
    this.#closed = true;
    for (const runId of [...this.#active.keys()]) this.#stop(runId);
  }

  /** Stops the run's subscription (only `expected`, when given, so a newer one survives). */
  #stop(runId: string, expected?: RunSubscription): void {
    const active = this.#active.get(runId);
    if (!active || (expected && active.subscription !== expected)) return;
    this.#active.delete(runId);
    active.stop();
  }

  #enqueue(runId: string, task: () => Promise<void>): Promise<void> {
    const previous = this.#queues.get(runId) ?? Promise.resolve();
    const done = previous.then(task).catch((error: unknown) => {
      getLogger().error({ err: error, run_id: runId }, "realtime: a request for a run failed");
    });
    this.#queues.set(runId, done);
    void done.then(() => {
      if (this.#queues.get(runId) === done) this.#queues.delete(runId);
    });
    return done;
  }
}
