// Cron schedules of a segment (issue 6): list (with the next fire times), create, update, delete.
// A schedule starts runs of the latest saved revision with its fixed input; the runner
// (src/server/runtime/schedule-runner.ts) fires them.
import type { ScheduleRecord } from "../../db/repositories/schedules";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { nextFires, parseCron } from "./cron";

export const UPCOMING_FIRES = 3;
export const MAX_SCHEDULES_PER_SEGMENT = 20;

export type ScheduleView = {
  schedule_id: string;
  segment_id: string;
  cron: string;
  timezone: string;
  input: unknown;
  enabled: boolean;
  /** The next fires (ISO), empty while disabled. */
  next_fires: string[];
  last_fired_at: string | null;
  last_run_id: string | null;
  last_error: string | null;
  created_at: string;
};

export type ScheduleInput = { cron: string; timezone: string; input?: unknown; enabled?: boolean };

export function scheduleView(record: ScheduleRecord, now: Date = new Date()): ScheduleView {
  let next: string[] = [];
  if (record.enabled) {
    try {
      next = nextFires(record, now, UPCOMING_FIRES).map((d) => d.toISOString());
    } catch {
      next = [];
    }
  }
  return {
    schedule_id: record.id,
    segment_id: record.segmentId,
    cron: record.cron,
    timezone: record.timezone,
    input: record.input,
    enabled: record.enabled,
    next_fires: next,
    last_fired_at: record.lastFiredAt?.toISOString() ?? null,
    last_run_id: record.lastRunId,
    last_error: record.lastError,
    created_at: record.createdAt.toISOString(),
  };
}

async function requireSegment(ctx: ServiceContext, segmentId: string): Promise<void> {
  if (!(await ctx.repos.segments.get(segmentId))) throw notFound(`Segment "${segmentId}"`);
}

function write(input: ScheduleInput, now: Date) {
  const cron = input.cron.trim();
  const enabled = input.enabled ?? true;
  const parsed = parseCron({ cron, timezone: input.timezone });
  return { cron, timezone: input.timezone, input: input.input ?? {}, enabled, nextFireAt: enabled ? parsed.nextRun(now) : null };
}

export async function listSchedules(ctx: ServiceContext, input: { segment_id: string }): Promise<ScheduleView[]> {
  await requireSegment(ctx, input.segment_id);
  const now = new Date();
  return (await ctx.repos.schedules.list(input.segment_id)).map((record) => scheduleView(record, now));
}

export async function createSchedule(ctx: ServiceContext, input: ScheduleInput & { segment_id: string }): Promise<ScheduleView> {
  await requireSegment(ctx, input.segment_id);
  if ((await ctx.repos.schedules.list(input.segment_id)).length >= MAX_SCHEDULES_PER_SEGMENT) {
    throw new AppError("conflict", `A segment has at most ${MAX_SCHEDULES_PER_SEGMENT} schedules`);
  }
  const now = new Date();
  return scheduleView(await ctx.repos.schedules.create(input.segment_id, write(input, now)), now);
}

/** Replaces the pattern, zone, input and enabled flag; the next fire is computed from now. */
export async function updateSchedule(ctx: ServiceContext, input: ScheduleInput & { schedule_id: string }): Promise<ScheduleView> {
  const existing = await ctx.repos.schedules.get(input.schedule_id);
  if (!existing) throw notFound(`Schedule "${input.schedule_id}"`);
  const now = new Date();
  return scheduleView(await ctx.repos.schedules.update(input.schedule_id, write(input, now)), now);
}

export async function deleteSchedule(ctx: ServiceContext, input: { schedule_id: string }): Promise<void> {
  if (!(await ctx.repos.schedules.remove(input.schedule_id))) throw notFound(`Schedule "${input.schedule_id}"`);
}
