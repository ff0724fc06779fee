// The data layer against both real databases: embedded PGlite and the local
// PostgreSQL. Each describe block gets its own database (dir or schema).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { sampleSegment } from "../helpers/segments";

describe.each(DB_KINDS)("data layer on %s", (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  it("migrations create every table", async () => {
    expect(t.db.kind).toBe(kind);
    expect(t.db.appliedMigrations.length).toBeGreaterThan(0);
    const counts = await Promise.all([
      t.db.prisma.segment.count(),
      t.db.prisma.segmentRevision.count(),
      t.db.prisma.segmentDraft.count(),
      t.db.prisma.run.count(),
      t.db.prisma.stepRun.count(),
      t.db.prisma.runEvent.count(),
      t.db.prisma.approval.count(),
    ]);
    expect(counts).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("revisions are numbered 1, 2, 3 and the first save creates the segment and its draft", async () => {
    const repo = t.db.repos.segments;
    const doc = sampleSegment({ segment_id: "numbered" });
    const first = await repo.saveRevision({ id: "numbered", name: "N", description: null, document: { ...doc }, by: "u" });
    const second = await repo.saveRevision({ id: "numbered", name: "N2", description: null, document: { ...doc, name: "N2" }, by: "u" });
    const third = await repo.saveRevision({ id: "numbered", name: "N3", description: "d", document: { ...doc, name: "N3" }, by: "u" });
    expect([first, second, third]).toEqual([
      { revision: 1, created: true },
      { revision: 2, created: false },
      { revision: 3, created: false },
    ]);
    const detail = await repo.get("numbered");
    expect(detail?.latest_revision).toBe(3);
    expect(detail?.name).toBe("N3");
    expect(detail?.revision_document?.name).toBe("N3");
    // The draft came from the first save and was not overwritten by later saves.
    expect(detail?.draft?.document.name).toBe("Sample");
    expect(detail?.draft?.base_revision).toBe(1);
    // Older revisions stay as they were saved.
    expect((await repo.getRevision("numbered", 1))?.name).toBe("Sample");
    expect((await repo.getRevision("numbered", 2))?.name).toBe("N2");
  });

  it("concurrent saves of one segment get distinct revision numbers", async () => {
    const repo = t.db.repos.segments;
    const doc = sampleSegment({ segment_id: "concurrent" });
    await repo.saveRevision({ id: "concurrent", name: "C", description: null, document: doc, by: "u" });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => repo.saveRevision({ id: "concurrent", name: "C", description: null, document: doc, by: "u" })),
    );
    expect(results.map((r) => r.revision).sort()).toEqual([2, 3, 4, 5, 6]);
    expect(await t.db.prisma.segmentRevision.count({ where: { segmentId: "concurrent" } })).toBe(6);
  });

  it("creating a segment with a taken id fails with a unique violation and changes nothing", async () => {
    const repo = t.db.repos.segments;
    await repo.create({ id: "taken", name: "First", description: null, draft: { name: "First" }, by: "u" });
    await expect(
      repo.create({ id: "taken", name: "Second", description: null, draft: { name: "Second" }, by: "u" }),
    ).rejects.toMatchObject({ code: "P2002" });
    const detail = await repo.get("taken");
    expect(detail?.name).toBe("First");
    expect(detail?.draft?.document).toEqual({ name: "First" });
  });

  it("rename updates the segment and its draft and bumps the draft version", async () => {
    const repo = t.db.repos.segments;
    await repo.create({ id: "to-rename", name: "Old", description: null, draft: { name: "Old", steps: [] }, by: "u" });
    expect(await repo.rename("to-rename", "New", "u")).toBe(true);
    const detail = await repo.get("to-rename");
    expect(detail?.name).toBe("New");
    expect(detail?.draft?.document).toEqual({ name: "New", steps: [] });
    expect(detail?.draft?.version).toBe(2);
    expect(await repo.rename("missing", "X", "u")).toBe(false);
  });

  it("deleting a segment removes its revisions, draft, runs, step runs, events and approvals", async () => {
    const repo = t.db.repos.segments;
    const doc = sampleSegment({ segment_id: "doomed" });
    await repo.saveRevision({ id: "doomed", name: "D", description: null, document: doc, by: "u" });
    const run = await t.db.prisma.run.create({
      data: { segmentId: "doomed", revision: 1, createdBy: "u", input: {} },
    });
    await t.db.prisma.stepRun.create({ data: { runId: run.id, stepId: "first", attempt: 1, status: "completed" } });
    await t.db.prisma.runEvent.create({ data: { runId: run.id, seq: 1, type: "segment.started", payload: {} } });
    await t.db.prisma.approval.create({
      data: { runId: run.id, rootRunId: run.id, segmentId: "doomed", stepId: "first", title: "Approve" },
    });
    expect(await repo.delete("doomed")).toBe(true);
    expect(await repo.get("doomed")).toBeNull();
    const left = await Promise.all([
      t.db.prisma.segmentRevision.count({ where: { segmentId: "doomed" } }),
      t.db.prisma.segmentDraft.count({ where: { segmentId: "doomed" } }),
      t.db.prisma.run.count({ where: { segmentId: "doomed" } }),
      t.db.prisma.stepRun.count({ where: { runId: run.id } }),
      t.db.prisma.runEvent.count({ where: { runId: run.id } }),
      t.db.prisma.approval.count({ where: { runId: run.id } }),
    ]);
    expect(left).toEqual([0, 0, 0, 0, 0, 0]);
    expect(await repo.delete("doomed")).toBe(false);
  });

  it("a run cannot point at a revision that does not exist", async () => {
    await t.db.repos.segments.saveRevision({
      id: "pinned",
      name: "P",
      description: null,
      document: sampleSegment({ segment_id: "pinned" }),
      by: "u",
    });
    await expect(
      t.db.prisma.run.create({ data: { segmentId: "pinned", revision: 99, createdBy: "u" } }),
    ).rejects.toThrow();
  });

  it("run event seq is unique per run (a duplicate seq is refused) but repeats across runs", async () => {
    await t.db.repos.segments.saveRevision({
      id: "events",
      name: "E",
      description: null,
      document: sampleSegment({ segment_id: "events" }),
      by: "u",
    });
    const a = await t.db.prisma.run.create({ data: { segmentId: "events", revision: 1, createdBy: "u" } });
    const b = await t.db.prisma.run.create({ data: { segmentId: "events", revision: 1, createdBy: "u" } });
    await t.db.prisma.runEvent.create({ data: { runId: a.id, seq: 1, type: "segment.started", payload: {} } });
    await t.db.prisma.runEvent.create({ data: { runId: b.id, seq: 1, type: "segment.started", payload: {} } });
    await expect(
      t.db.prisma.runEvent.create({ data: { runId: a.id, seq: 1, type: "step.started", payload: {} } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("a step attempt is recorded once: a second row for the same run, step and attempt is refused", async () => {
    await t.db.repos.segments.saveRevision({
      id: "attempts",
      name: "A",
      description: null,
      document: sampleSegment({ segment_id: "attempts" }),
      by: "u",
    });
    const run = await t.db.prisma.run.create({ data: { segmentId: "attempts", revision: 1, createdBy: "u" } });
    await t.db.prisma.stepRun.create({ data: { runId: run.id, stepId: "first", attempt: 1, status: "failed" } });
    await t.db.prisma.stepRun.create({ data: { runId: run.id, stepId: "first", attempt: 2, status: "completed" } });
    await expect(
      t.db.prisma.stepRun.create({ data: { runId: run.id, stepId: "first", attempt: 2, status: "completed" } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("runs list pages newest first with a cursor and filters by segment and status", async () => {
    await t.db.repos.segments.saveRevision({
      id: "paged",
      name: "Paged",
      description: null,
      document: sampleSegment({ segment_id: "paged" }),
      by: "u",
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const run = await t.db.prisma.run.create({
        data: { segmentId: "paged", revision: 1, createdBy: "u", status: i % 2 ? "failed" : "completed" },
      });
      ids.push(run.id);
    }
    const runs = t.db.repos.runs;
    const first = await runs.list({ segmentId: "paged", limit: 2 });
    expect(first.items.map((r) => r.run_id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toMatchObject({ segment_name: "Paged", revision: 1, status: "completed", root_run_id: ids[4] });
    const second = await runs.list({ segmentId: "paged", limit: 2, cursor: first.next_cursor! });
    expect(second.items.map((r) => r.run_id)).toEqual([ids[2], ids[1]]);
    const third = await runs.list({ segmentId: "paged", limit: 2, cursor: second.next_cursor! });
    expect(third.items.map((r) => r.run_id)).toEqual([ids[0]]);
    expect(third.next_cursor).toBeNull();
    const failed = await runs.list({ segmentId: "paged", status: "failed", limit: 10 });
    expect(failed.items.map((r) => r.run_id)).toEqual([ids[3], ids[1]]);
  });

  it("the list counts steps (draft first, else latest revision) and runs without loading documents", async () => {
    const repo = t.db.repos.segments;
    await repo.create({ id: "counted-draft", name: "CD", description: null, draft: { steps: [{}, {}, {}] }, by: "u" });
    await repo.create({ id: "counted-odd", name: "CO", description: null, draft: { steps: "not a list" }, by: "u" });
    await repo.saveRevision({ id: "counted-rev", name: "CR", description: null, document: sampleSegment({ segment_id: "counted-rev" }), by: "u" });
    await t.db.prisma.segmentDraft.delete({ where: { segmentId: "counted-rev" } });
    await t.db.prisma.run.create({ data: { segmentId: "counted-rev", revision: 1, createdBy: "u" } });
    const list = await repo.list();
    const byId = Object.fromEntries(list.map((s) => [s.segment_id, s]));
    expect(byId["counted-draft"]).toMatchObject({ step_count: 3, run_count: 0, latest_revision: 0 });
    expect(byId["counted-odd"]).toMatchObject({ step_count: 0 });
    expect(byId["counted-rev"]).toMatchObject({ step_count: 2, run_count: 1, latest_revision: 1 });
    expect(new Date(byId["counted-rev"]!.updated_at).toISOString()).toBe(byId["counted-rev"]!.updated_at);
  });
});
