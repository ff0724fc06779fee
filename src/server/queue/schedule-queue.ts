// Cron schedules in queue mode: each enabled schedule is a BullMQ job scheduler on the
// `schedules` queue (pattern + timezone), so a fire produces one job across every instance, and
// whichever worker takes it fires the schedule through the same compare-and-set as the
// in-process runner (schedule-fire.ts). PostgreSQL stays the source: `sync()` mirrors the
// schedules table into Redis after every edit, at startup and every minute (healing a Redis
// that lost its data), and fires what is overdue (missed while nothing ran) once.
import { Queue, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import type { Repositories } from "../db/repositories";
import { getLogger } from "../logging/logger";
import { fireSchedule, type ScheduleFireDeps } from "../runtime/schedule-fire";

export const SCHEDULES_QUEUE = "schedules";
type FireJob = { schedule_id: string };

const schedulerId = (scheduleId: string) => `schedule-${scheduleId}`;
/** A fire more than this late was missed (nothing ran at its time): fired by sync(). */
const OVERDUE_MS = 10_000;

export class QueueSchedules {
  readonly #queue: Queue<FireJob>;
  readonly #deps: ScheduleFireDeps;
  readonly #repos: Pick<Repositories, "schedules">;
  #syncing: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #worker: Worker<FireJob> | null = null;

  constructor(options: { connection: Redis; prefix: string; repos: Pick<Repositories, "schedules">; deps: ScheduleFireDeps }) {
    this.#queue = new Queue<FireJob>(SCHEDULES_QUEUE, {
      connection: options.connection,
      prefix: options.prefix,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: { count: 100 } },
    });
    this.#queue.on("error", () => {});
    this.#repos = options.repos;
    this.#deps = options.deps;
  }

  /** Mirrors the table now and every minute. */
  start(): void {
    this.poke();
    this.#timer = setInterval(() => this.poke(), 60_000);
    this.#timer.unref();
  }

  /** A schedule was created, edited or deleted: mirror again (calls while one runs merge). */
  poke(): void {
    if (this.#syncing) {
      this.#again = true;
      return;
    }
    this.#syncing = this.sync()
      .catch((err: unknown) => getLogger().warn({ err }, "schedules: mirroring into Redis failed (retrying within a minute)"))
      .finally(() => {
        this.#syncing = null;
        if (this.#again) {
          this.#again = false;
          this.poke();
        }
      });
  }

  async idle(): Promise<void> {
    while (this.#syncing) await this.#syncing;
  }

  async sync(): Promise<void> {
    const enabled = await this.#repos.schedules.listEnabled();
    const wanted = new Set(enabled.map((s) => schedulerId(s.id)));
    for (const schedule of enabled) {
      await this.#queue.upsertJobScheduler(
        schedulerId(schedule.id),
        { pattern: schedule.cron, tz: schedule.timezone },
        { name: "fire", data: { schedule_id: schedule.id } },
      );
    }
    for (const existing of await this.#queue.getJobSchedulers(0, -1)) {
      if (existing.key && !wanted.has(existing.key)) await this.#queue.removeJobScheduler(existing.key);
    }
    const now = new Date();
    for (const schedule of enabled) {
      if (schedule.nextFireAt && schedule.nextFireAt.getTime() < now.getTime() - OVERDUE_MS) {
        await fireSchedule(this.#deps, schedule, schedule.nextFireAt, now);
      }
    }
  }

  /** Takes fire jobs in this process. */
  async runFires(connection: Redis): Promise<void> {
    this.#worker = new Worker<FireJob>(SCHEDULES_QUEUE, (job) => this.#fire(job), { connection, prefix: this.#queue.opts.prefix, concurrency: 4 });
    this.#worker.on("error", () => {});
    await this.#worker.waitUntilReady();
  }

  async #fire(job: Job<FireJob>): Promise<void> {
    const schedule = await this.#repos.schedules.get(job.data.schedule_id);
    // Deleted or disabled since the job was made; or edited so that its next fire is later.
    if (!schedule?.enabled || !schedule.nextFireAt) return;
    const now = new Date();
    if (schedule.nextFireAt.getTime() > now.getTime() + 1000) return;
    await fireSchedule(this.#deps, schedule, schedule.nextFireAt, now);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    await this.idle();
    await this.#worker?.close();
    await this.#queue.close().catch(() => {});
  }
}
