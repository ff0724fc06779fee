// Queue mode (REDIS_URL): what a web or worker process opens on Redis, in one place.
// - a BullMQ Queue of advance jobs and the engine's Scheduler over it (every process);
// - a BullMQ Worker running advances (worker processes; web processes when LLMTEAM_WORKERS > 0),
//   the poke channel, and the orphan sweep;
// - the event relay: web processes join socket.io's Redis adapter, workers publish through the
//   emitter (event-relay.ts).
// PostgreSQL stays the only state that matters: Redis carries wake-ups and fan-out, and losing
// its contents loses nothing the orphan sweep cannot rebuild.
import { createAdapter } from "@socket.io/redis-adapter";
import { Emitter } from "@socket.io/redis-emitter";
import { Queue, type Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Server } from "socket.io";
import type { Engine } from "../../engine";
import type { Config } from "../config/env";
import type { Repositories } from "../db/repositories";
import { getLogger } from "../logging/logger";
import { settlesWithin } from "../runtime/engine-runtime";
import type { ScheduleFireDeps } from "../runtime/schedule-fire";
import type { EventHub } from "../runtime/event-hub";
import { startAdvanceWorker } from "./advance-worker";
import { BullmqScheduler } from "./bullmq-scheduler";
import { receiveRelayed, relayCommitted } from "./event-relay";
import { ADVANCE_QUEUE, pokeChannel, RUN_EVENTS_MESSAGE, socketIoKey, type AdvanceJobData } from "./names";
import { startOrphanSweep } from "./orphan-sweep";
import { PokeChannel } from "./poke-channel";
import { QueueSchedules } from "./schedule-queue";
import { queueMetrics } from "./queue-metrics";
import { redisConnection, waitUntilReady } from "./redis-connection";

export type QueueModeConfig = Pick<Config, "redisUrl" | "queuePrefix" | "leaseMs">;

export class QueueMode {
  readonly scheduler: BullmqScheduler;
  readonly queue: Queue<AdvanceJobData>;
  readonly #config: QueueModeConfig & { redisUrl: string };
  readonly #name: string;
  readonly #command: Redis;
  readonly #clients: Redis[] = [];
  #worker: Worker<AdvanceJobData> | null = null;
  #sweep: { sweep(): Promise<number>; stop(): void } | null = null;
  readonly #stops: (() => void | Promise<void>)[] = [];

  private constructor(config: QueueModeConfig & { redisUrl: string }, name: string) {
    this.#config = config;
    this.#name = name;
    this.#command = this.#client("command", "queue");
    this.queue = new Queue<AdvanceJobData>(ADVANCE_QUEUE, {
      connection: this.#command,
      prefix: config.queuePrefix,
      // The engine retries steps itself; a job only fails when an advance threw before the
      // engine could reschedule it (the database was unreachable): try again with backoff.
      defaultJobOptions: { attempts: 5, backoff: { type: "exponential", delay: 1000 }, removeOnComplete: true, removeOnFail: { count: 1000 } },
    });
    this.queue.on("error", () => {}); // reported through ready() and the failing adds
    const log = getLogger();
    this.scheduler = new BullmqScheduler(this.queue, (err, runId) =>
      log.warn({ err, run_id: runId }, "queue: could not queue a run's advance (Redis unavailable?); the orphan sweep will queue it again"),
    );
    queueMetrics(this.queue);
  }

  /** Connects to Redis (failing startup with a clear message when it cannot be reached). */
  static async open(config: QueueModeConfig, name: string): Promise<QueueMode> {
    if (!config.redisUrl) throw new Error("queue mode needs REDIS_URL");
    const mode = new QueueMode({ ...config, redisUrl: config.redisUrl }, name);
    try {
      await waitUntilReady(mode.#command, config.redisUrl);
    } catch (err) {
      await mode.close().catch(() => {});
      throw err;
    }
    return mode;
  }

  /** Redis answers commands now (health; run starts answer 503 when it does not). */
  ready(): boolean {
    return this.#command.status === "ready";
  }

  #client(role: "command" | "blocking", purpose: string): Redis {
    const client = redisConnection(this.#config.redisUrl, role, `${this.#name}:${purpose}`);
    this.#clients.push(client);
    return client;
  }

  /**
   * Runs advances in this process (`concurrency` at once): the BullMQ worker, pokes from other
   * processes, and the orphan sweep.
   */
  async runAdvances(options: { engine: Engine; repos: Pick<Repositories, "runs">; concurrency: number }): Promise<void> {
    const pokes = new PokeChannel({
      publisher: this.#command,
      subscriber: this.#client("blocking", "pokes"),
      channel: pokeChannel(this.#config.queuePrefix),
      onPoke: (runId) => options.engine.poke(runId),
    });
    await pokes.start();
    this.#worker = startAdvanceWorker({
      redisUrl: this.#config.redisUrl,
      prefix: this.#config.queuePrefix,
      engine: options.engine,
      concurrency: options.concurrency,
      leaseMs: this.#config.leaseMs,
      metrics: queueMetrics(this.queue),
      pokeElsewhere: (runId) => pokes.publish(runId),
      name: this.#name,
    });
    await this.#worker.waitUntilReady();
    this.#sweep = startOrphanSweep({ repos: options.repos, schedule: (runId) => this.scheduler.schedule(runId) });
    // Redis came back (possibly empty, having lost queued and delayed jobs): look at once.
    this.#command.on("ready", () => void this.#sweep?.sweep());
  }

  /**
   * Cron schedules as BullMQ job schedulers. `fires`: this process takes fire jobs (workers, and
   * web processes that run advances); web processes also mirror the table (start()).
   */
  async schedules(options: { repos: Pick<Repositories, "schedules">; deps: ScheduleFireDeps; fires: boolean }): Promise<QueueSchedules> {
    const schedules = new QueueSchedules({ connection: this.#command, prefix: this.#config.queuePrefix, repos: options.repos, deps: options.deps });
    if (options.fires) await schedules.runFires(this.#client("blocking", "schedules"));
    this.#stops.push(() => schedules.stop());
    return schedules;
  }

  /** One sweep now (tests; after Redis came back). */
  async sweepOrphans(): Promise<number> {
    return (await this.#sweep?.sweep()) ?? 0;
  }

  /**
   * A web process: joins the socket.io Redis adapter, feeds events other processes committed
   * into `feed`, and sends the ones this process commits to the other web processes.
   */
  attachSocketServer(io: Server, runtime: { committed: EventHub; events: EventHub }): void {
    const pub = this.#client("blocking", "io-pub");
    const sub = this.#client("blocking", "io-sub");
    io.adapter(createAdapter(pub, sub, { key: socketIoKey(this.#config.queuePrefix) }));
    io.on(RUN_EVENTS_MESSAGE as "connection", ((json: unknown) => receiveRelayed(runtime.events, json)) as never);
    this.#stops.push(relayCommitted(runtime.committed, (json) => io.serverSideEmit(RUN_EVENTS_MESSAGE, json)));
  }

  /** A worker process: sends the events it commits to every web process (socket.io emitter). */
  relayToWebProcesses(committed: EventHub): void {
    const emitter = new Emitter(this.#command, { key: socketIoKey(this.#config.queuePrefix) });
    this.#stops.push(relayCommitted(committed, (json) => emitter.serverSideEmit(RUN_EVENTS_MESSAGE, json)));
  }

  /**
   * Graceful stop of this process's advances: take no new jobs, let the running ones finish for
   * up to `graceMs`, then hand their runs back (in-flight steps aborted without writing, leases
   * released, runs queued again) so other workers continue them at once. Returns how many runs
   * were handed back.
   */
  async drain(engine: Engine, graceMs: number): Promise<number> {
    this.#sweep?.stop();
    const worker = this.#worker;
    if (!worker) return 0;
    const closing = worker.close();
    let handedBack = 0;
    if (!(await settlesWithin(closing, graceMs))) {
      handedBack = engine.handBack();
      getLogger().warn({ runs: handedBack }, "shutdown: steps still running after the grace period; their runs were handed back to other workers");
      await settlesWithin(closing, 5000);
    }
    this.#worker = null;
    await this.scheduler.flushed();
    return handedBack;
  }

  get workerRunning(): boolean {
    return this.#worker !== null;
  }

  async close(): Promise<void> {
    this.#sweep?.stop();
    await Promise.all(this.#stops.map((stop) => Promise.resolve(stop()).catch(() => {})));
    await this.#worker?.close(true).catch(() => {});
    await this.scheduler.flushed();
    await this.queue.close().catch(() => {});
    for (const client of this.#clients) client.disconnect();
  }
}
