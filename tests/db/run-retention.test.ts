// Finished runs older than the retention period are deleted with everything
// that hangs off them; live runs and their trees are kept whole.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pruneRuns } from "../../src/server/services/prune-runs";
import { sampleSegment } from "../helpers/segments";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/test-database";

const DAY = 24 * 3600 * 1000;
const now = new Date("2026-06-30T12:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

describe.each(DB_KINDS)("run retention on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await t.db.repos.segments.saveRevision({ id: "kept", name: "K", description: null, document: sampleSegment({ segment_id: "kept" }), by: "u" });
  });
  afterAll(async () => t?.cleanup());

  async function run(fields: { id: string; status: string; finishedAt?: Date; parent?: string; root?: string }) {
    await t.db.prisma.run.create({
      data: {
        id: fields.id,
        segmentId: "kept",
        revision: 1,
        createdBy: "u",
        status: fields.status,
        rootRunId: fields.root ?? fields.id,
        parentRunId: fields.parent ?? null,
        finishedAt: fields.finishedAt ?? null,
      },
    });
    await t.db.prisma.runEvent.create({ data: { runId: fields.id, seq: 1, type: "segment.started", payload: {} } });
    await t.db.prisma.stepRun.create({ data: { runId: fields.id, stepId: "first", attempt: 1, status: "completed" } });
  }

  it("deletes old finished run trees with their events and steps, keeps recent and live ones", async () => {
    await run({ id: "old-done", status: "completed", finishedAt: daysAgo(40) });
    await run({ id: "old-done-child", status: "completed", finishedAt: daysAgo(41), parent: "old-done", root: "old-done" });
    await run({ id: "old-failed", status: "failed", finishedAt: daysAgo(31) });
    await run({ id: "recent-done", status: "completed", finishedAt: daysAgo(5) });
    await run({ id: "old-waiting", status: "waiting" });
    // A child that finished long ago under a parent that still waits: kept with its tree.
    await run({ id: "old-child-of-live", status: "completed", finishedAt: daysAgo(60), parent: "old-waiting", root: "old-waiting" });

    const deleted = await pruneRuns({ repos: t.db.repos }, { now, retentionDays: 30 });
    expect(deleted).toBe(3);
    const left = (await t.db.prisma.run.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    expect(left).toEqual(["old-child-of-live", "old-waiting", "recent-done"]);
    expect(await t.db.prisma.runEvent.count({ where: { runId: { in: ["old-done", "old-done-child", "old-failed"] } } })).toBe(0);
    expect(await t.db.prisma.stepRun.count({ where: { runId: { in: ["old-done", "old-done-child", "old-failed"] } } })).toBe(0);
    expect(await pruneRuns({ repos: t.db.repos }, { now, retentionDays: 30 })).toBe(0);
  });
});
