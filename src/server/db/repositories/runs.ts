// Run queries for lists. The engine issue adds the runner's writes.
import type { PrismaClient } from "../generated/client";
import type { RunPage, RunStatus } from "../../../shared/resources/run-resource";
import { runErrorSchema, runStatusSchema } from "../../../shared/resources/run-resource";

export function runRepository(prisma: PrismaClient) {
  return {
    /** What the Prometheus gauges show: runs pending or running, approvals waiting for a decision. */
    async gaugeCounts(): Promise<{ runningRuns: number; pendingApprovals: number }> {
      const [runningRuns, pendingApprovals] = await Promise.all([
        prisma.run.count({ where: { status: { in: ["pending", "running"] } } }),
        prisma.approval.count({ where: { status: "pending" } }),
      ]);
      return { runningRuns, pendingApprovals };
    },

    /**
     * Runs whose wake-up was lost (queue mode: a job that could not be queued while Redis was
     * down, a Redis that restarted empty, a worker that died holding a run): unfinished, no live
     * lease, and either poked, pending, holding a control request, holding an expired lease, or
     * with a wake-up time more than `graceMs` overdue. Anything scheduled normally is picked up
     * long before it qualifies, so sweeping these costs nothing in the normal case.
     */
    async findOrphans(now: Date, graceMs: number): Promise<string[]> {
      const before = new Date(now.getTime() - graceMs);
      const rows = await prisma.$queryRaw<{ id: string }[]>`
        SELECT id FROM runs
        WHERE status IN ('pending', 'running', 'waiting', 'paused')
          AND (lease_expires_at IS NULL OR lease_expires_at <= ${now})
          AND updated_at <= ${before}
          AND (poked OR status = 'pending' OR control IS NOT NULL OR lease_token IS NOT NULL OR wake_at <= ${before})
        ORDER BY id
        LIMIT 1000`;
      return rows.map((row) => row.id);
    },

    /**
     * Deletes run trees whose top-level run finished (completed, failed or
     * cancelled) before `cutoff`: the runs of the tree, and by cascade their
     * step rows, events and approvals. A tree whose root is still live is kept
     * whole, so a waiting parent never loses a child it may read. Returns the
     * number of runs deleted.
     */
    async pruneFinishedBefore(cutoff: Date): Promise<number> {
      return prisma.$executeRaw`
        DELETE FROM runs WHERE root_run_id IN (
          SELECT id FROM runs
          WHERE parent_run_id IS NULL
            AND status IN ('completed', 'failed', 'cancelled')
            AND finished_at < ${cutoff})
        OR (root_run_id IS NULL AND parent_run_id IS NULL
            AND status IN ('completed', 'failed', 'cancelled') AND finished_at < ${cutoff})`;
    },

    /** Newest first; the cursor is the last run id seen (ids are UUIDv7, so time-ordered). */
    async list(filter: { segmentId?: string; status?: RunStatus; cursor?: string; limit: number }): Promise<RunPage> {
      const rows = await prisma.run.findMany({
        where: {
          ...(filter.segmentId ? { segmentId: filter.segmentId } : {}),
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.cursor ? { id: { lt: filter.cursor } } : {}),
        },
        orderBy: { id: "desc" },
        take: filter.limit + 1,
        include: { segment: { select: { name: true } } },
      });
      const page = rows.slice(0, filter.limit);
      return {
        items: page.map((r) => ({
          run_id: r.id,
          root_run_id: r.rootRunId ?? r.id,
          segment_id: r.segmentId,
          segment_name: r.segment.name,
          revision: r.revision,
          status: runStatusSchema.catch("failed").parse(r.status),
          error: runErrorSchema.catch(null).parse(r.error ?? null),
          created_at: r.createdAt.toISOString(),
          started_at: r.startedAt?.toISOString() ?? null,
          finished_at: r.finishedAt?.toISOString() ?? null,
        })),
        next_cursor: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  };
}
