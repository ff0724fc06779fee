// Cron schedules of segments (see SegmentSchedule in schema.prisma).
import type { Prisma, PrismaClient } from "../generated/client";

export type ScheduleRecord = {
  id: string;
  segmentId: string;
  cron: string;
  timezone: string;
  input: unknown;
  enabled: boolean;
  nextFireAt: Date | null;
  lastFiredAt: Date | null;
  lastRunId: string | null;
  lastError: string | null;
  createdAt: Date;
};

export type ScheduleWrite = { cron: string; timezone: string; input: unknown; enabled: boolean; nextFireAt: Date | null };

const asJson = (value: unknown) => (value ?? {}) as Prisma.InputJsonValue;

export function scheduleRepository(prisma: PrismaClient) {
  return {
    async list(segmentId: string): Promise<ScheduleRecord[]> {
      return prisma.segmentSchedule.findMany({ where: { segmentId }, orderBy: { createdAt: "asc" } });
    },
    async get(id: string): Promise<ScheduleRecord | null> {
      return prisma.segmentSchedule.findUnique({ where: { id } });
    },
    async create(segmentId: string, write: ScheduleWrite): Promise<ScheduleRecord> {
      return prisma.segmentSchedule.create({ data: { segmentId, ...write, input: asJson(write.input) } });
    },
    async update(id: string, write: ScheduleWrite): Promise<ScheduleRecord> {
      return prisma.segmentSchedule.update({ where: { id }, data: { ...write, input: asJson(write.input) } });
    },
    async remove(id: string): Promise<boolean> {
      return (await prisma.segmentSchedule.deleteMany({ where: { id } })).count === 1;
    },
    /** Every enabled schedule (queue mode mirrors them as BullMQ job schedulers). */
    async listEnabled(): Promise<ScheduleRecord[]> {
      return prisma.segmentSchedule.findMany({ where: { enabled: true }, orderBy: { createdAt: "asc" } });
    },
    /** Enabled schedules due at `now`, oldest fire first. */
    async due(now: Date, limit = 100): Promise<ScheduleRecord[]> {
      return prisma.segmentSchedule.findMany({ where: { enabled: true, nextFireAt: { lte: now } }, orderBy: { nextFireAt: "asc" }, take: limit });
    },
    /** The earliest next fire of any enabled schedule (the runner sleeps until then). */
    async earliestFire(): Promise<Date | null> {
      const first = await prisma.segmentSchedule.findFirst({ where: { enabled: true, nextFireAt: { not: null } }, orderBy: { nextFireAt: "asc" }, select: { nextFireAt: true } });
      return first?.nextFireAt ?? null;
    },
    /**
     * Claims the fire due at `expected` by moving next_fire_at to `next`; false when another
     * instance (or an edit) moved it first. This is what makes a fire happen once.
     */
    async claimFire(id: string, expected: Date, next: Date | null, firedAt: Date): Promise<boolean> {
      const { count } = await prisma.segmentSchedule.updateMany({
        where: { id, enabled: true, nextFireAt: expected },
        data: { nextFireAt: next, lastFiredAt: firedAt },
      });
      return count === 1;
    },
    async recordFire(id: string, outcome: { runId: string | null; error: string | null }): Promise<void> {
      await prisma.segmentSchedule.updateMany({ where: { id }, data: { lastRunId: outcome.runId, lastError: outcome.error } });
    },
  };
}
