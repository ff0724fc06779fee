// The in-process scheduler of cron schedules (embedded mode; queue mode moves schedules onto
// BullMQ repeatable jobs). It sleeps until the earliest next fire (at most `maxSleepMs`, so
// schedules edited by another instance are picked up), then fires what is due:
// - the next fire is computed from now, so fires missed while the server was down collapse into
//   one run on start, not one per missed fire;
// - a fire is claimed by moving next_fire_at forward with a compare-and-set (claimFire): two
//   instances, or a tick racing an edit, never fire it twice.
// A fire that cannot start a run (invalid input, no saved revision) records why on the schedule.
import type { Repositories } from "../db/repositories";
import { getLogger } from "../logging/logger";
import { fireSchedule } from "./schedule-fire";

export type ScheduleRunnerOptions = {
  repos: Pick<Repositories, "schedules">;
  /** Starts a run of the segment's latest revision; returns its id. */
  startRun: (segmentId: string, input: unknown) => Promise<{ run_id: string }>;
  now?: () => Date;
  maxSleepMs?: number;
  onError?: (error: unknown) => void;
};

export class ScheduleRunner {
  readonly #options: ScheduleRunnerOptions;
  readonly #now: () => Date;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(options: ScheduleRunnerOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => new Date());
  }

  start(): void {
    this.poke();
  }

  /** Look again now (a schedule was created or edited in this process). */
  poke(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#running = this.#tick().finally(() => {
      this.#running = null;
      if (this.#again) {
        this.#again = false;
        this.poke();
      }
    });
  }

  /** Resolves when the tick in progress (if any) has finished. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.idle();
  }

  async #tick(): Promise<void> {
    const { repos } = this.#options;
    try {
      const now = this.#now();
      for (const schedule of await repos.schedules.due(now)) {
        if (this.#stopped) return;
        await this.#fire(schedule.id, schedule.segmentId, schedule.cron, schedule.timezone, schedule.input, schedule.nextFireAt!, now);
      }
      this.#sleep(await repos.schedules.earliestFire());
    } catch (error) {
      this.#report(error);
      this.#sleep(null);
    }
  }

  async #fire(id: string, segmentId: string, cron: string, timezone: string, input: unknown, due: Date, now: Date): Promise<void> {
    await fireSchedule({ repos: this.#options.repos, startRun: this.#options.startRun, onError: (error) => this.#report(error) }, { id, segmentId, cron, timezone, input }, due, now);
  }

  #sleep(earliest: Date | null): void {
    if (this.#stopped) return;
    const max = this.#options.maxSleepMs ?? 30_000;
    const wait = earliest === null ? max : Math.min(max, Math.max(0, earliest.getTime() - this.#now().getTime()));
    this.#timer = setTimeout(() => this.poke(), wait);
    this.#timer.unref?.();
  }

  #report(error: unknown): void {
    (this.#options.onError ?? ((e: unknown) => getLogger().error({ err: e }, "schedules: starting a scheduled run failed")))(error);
  }
}
