// One fire of a cron schedule, shared by the in-process ScheduleRunner and queue mode's BullMQ
// job schedulers: claim the fire due at `due` by moving next_fire_at forward (a compare-and-set,
// so two instances, or a BullMQ job and a catch-up pass, never fire it twice), then start the
// run and record the outcome on the schedule. The next fire is computed from now, so fires
// missed while nothing ran collapse into one.
import type { Engine } from "../../engine";
import type { Repositories } from "../db/repositories";
import { AppError } from "../services/errors";
import { startRun } from "../services/runs/start-run";
import { parseCron } from "../services/schedules/cron";

/** Who scheduled runs are "created_by". */
export const SCHEDULER_PRINCIPAL = { id: "system:schedule", kind: "owner", displayName: "Schedule" } as const;

export type ScheduleFireDeps = {
  repos: Pick<Repositories, "schedules">;
  /** Starts a run of the segment's latest revision; returns its id. */
  startRun: (segmentId: string, input: unknown) => Promise<{ run_id: string }>;
  onError: (error: unknown) => void;
};

export type FireableSchedule = { id: string; segmentId: string; cron: string; timezone: string; input: unknown };

/** Returns whether this call fired it (false: another instance or an edit came first). */
export async function fireSchedule(deps: ScheduleFireDeps, schedule: FireableSchedule, due: Date, now: Date): Promise<boolean> {
  const { repos } = deps;
  const { id, cron, timezone } = schedule;
  let next: Date | null;
  try {
    next = parseCron({ cron, timezone }).nextRun(now);
  } catch {
    next = null; // a pattern that no longer parses stops firing (its error is recorded below)
  }
  if (!(await repos.schedules.claimFire(id, due, next, now))) return false;
  if (next === null) {
    await repos.schedules.recordFire(id, { runId: null, error: `"${cron}" in ${timezone} is not a valid schedule any more: edit it` });
    return true;
  }
  try {
    const run = await deps.startRun(schedule.segmentId, schedule.input);
    await repos.schedules.recordFire(id, { runId: run.run_id, error: null });
  } catch (error) {
    const message = error instanceof AppError || error instanceof Error ? error.message : String(error);
    await repos.schedules.recordFire(id, { runId: null, error: message });
    if (!(error instanceof AppError)) deps.onError(error);
  }
  return true;
}

/** Scheduled runs start like any other, on the latest saved revision, as the system. */
export function scheduledRunStarter(repos: Repositories, engine: Engine): ScheduleFireDeps["startRun"] {
  return (segmentId, input) => startRun({ repos, engine, principal: SCHEDULER_PRINCIPAL }, { segment_id: segmentId, input });
}
