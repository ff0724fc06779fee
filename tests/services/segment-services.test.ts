// Segment use cases as the UI, REST and CLI see them, on the embedded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import type { ServiceContext } from "../../src/server/services/context";
import { createSegment } from "../../src/server/services/create-segment";
import { deleteSegment } from "../../src/server/services/delete-segment";
import { AppError } from "../../src/server/services/errors";
import { getSegment } from "../../src/server/services/get-segment";
import { listSegments } from "../../src/server/services/list-segments";
import { renameSegment } from "../../src/server/services/rename-segment";
import { saveSegmentRevision } from "../../src/server/services/save-segment-revision";
import { EXAMPLE_SEGMENTS, seedExamples } from "../../src/server/seed/seed-examples";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { sampleSegment } from "../helpers/segments";

let t: TestDatabase;
let ctx: ServiceContext;
beforeAll(async () => {
  t = await openTestDatabase("pglite");
  ctx = { repos: t.db.repos, principal: LOCAL_OWNER };
});
afterAll(async () => t?.cleanup());

describe("createSegment", () => {
  it("derives the id from the name and starts with an empty draft and no revision", async () => {
    const created = await createSegment(ctx, { name: "  Customer Onboarding  ", description: "Welcome flow" });
    expect(created).toMatchObject({
      segment_id: "customer-onboarding",
      name: "Customer Onboarding",
      description: "Welcome flow",
      latest_revision: 0,
      step_count: 0,
      revision_document: null,
    });
    expect(created.draft?.document).toMatchObject({
      version: "1.0",
      segment_id: "customer-onboarding",
      name: "Customer Onboarding",
      steps: [],
      edges: [],
    });
  });

  it("the same name twice gets -2, then -3", async () => {
    const a = await createSegment(ctx, { name: "Twin" });
    const b = await createSegment(ctx, { name: "Twin" });
    const c = await createSegment(ctx, { name: "twin" });
    expect([a.segment_id, b.segment_id, c.segment_id]).toEqual(["twin", "twin-2", "twin-3"]);
  });

  it("an explicit id that is taken is a conflict, not a silent rename", async () => {
    await createSegment(ctx, { name: "Explicit", segment_id: "explicit-id" });
    await expect(createSegment(ctx, { name: "Other", segment_id: "explicit-id" })).rejects.toMatchObject({
      code: "conflict",
      message: 'A segment with id "explicit-id" already exists',
    });
    expect((await getSegment(ctx, { segment_id: "explicit-id" })).name).toBe("Explicit");
  });

  it("an invalid explicit id is refused with a message saying what is allowed", async () => {
    const err = await createSegment(ctx, { name: "Bad", segment_id: "Bad Id!" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("invalid_input");
    expect((err as AppError).message).toMatch(/lowercase letters, digits/);
  });

  it("an empty name is refused", async () => {
    await expect(createSegment(ctx, { name: "   " })).rejects.toThrow(/Name is required/);
  });
});

describe("rename and delete", () => {
  it("rename changes the list name; renaming a missing segment is not_found", async () => {
    const s = await createSegment(ctx, { name: "Before" });
    await renameSegment(ctx, { segment_id: s.segment_id, name: "After" });
    const list = await listSegments(ctx);
    expect(list.find((x) => x.segment_id === s.segment_id)?.name).toBe("After");
    await expect(renameSegment(ctx, { segment_id: "nope", name: "X" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("delete removes it; deleting again is not_found", async () => {
    const s = await createSegment(ctx, { name: "Temporary" });
    await deleteSegment(ctx, { segment_id: s.segment_id });
    await expect(getSegment(ctx, { segment_id: s.segment_id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteSegment(ctx, { segment_id: s.segment_id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("saveSegmentRevision", () => {
  it("saving a new id creates the segment at revision 1; saving again adds revision 2", async () => {
    const doc = sampleSegment({ segment_id: "saved-flow", name: "Saved flow" });
    expect(await saveSegmentRevision(ctx, { document: doc })).toEqual({ segment_id: "saved-flow", revision: 1, created: true });
    expect(await saveSegmentRevision(ctx, { document: { ...doc, name: "Saved flow v2" } })).toEqual({
      segment_id: "saved-flow",
      revision: 2,
      created: false,
    });
    const detail = await getSegment(ctx, { segment_id: "saved-flow" });
    expect(detail.revision_document).toMatchObject({ name: "Saved flow v2", version: "1.0", edges: doc.edges });
    expect(detail.step_count).toBe(2);
  });

  it("a well-formed document that is not a runnable workflow is refused (unknown type, cycle)", async () => {
    const doc = sampleSegment({
      segment_id: "not-runnable",
      steps: [
        { step_id: "first", type: "transfrom", config: {} },
        { step_id: "second", type: "transform", config: { expression: "step_input" } },
      ],
      edges: [
        { from_step: "first", to_step: "second" },
        { from_step: "second", to_step: "first" },
      ],
    });
    const err = (await saveSegmentRevision(ctx, { document: doc }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe("invalid_segment");
    expect(err.details.map((d) => d.code)).toEqual(expect.arrayContaining(["unknown_step_type", "cycle"]));
    expect(err.details.find((d) => d.code === "unknown_step_type")?.message).toMatch(/did you mean "transform"/);
    await expect(getSegment(ctx, { segment_id: "not-runnable" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("an invalid document is refused with every problem and nothing is written", async () => {
    const bad = { ...sampleSegment({ segment_id: "Broken ID" }), entry_point: "x", steps: [{ step_id: "a", type: "transform" }] };
    const err = (await saveSegmentRevision(ctx, { document: bad }).catch((e: unknown) => e)) as AppError;
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("invalid_segment");
    const paths = err.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["segment_id", "entry_point", "steps[0].config"]));
    expect(err.details.find((d) => d.path === "entry_point")?.message).toMatch(/did you mean "entrypoint"/);
    expect(err.message).toBe(`The segment has ${err.details.length} problems`);
    expect((await listSegments(ctx)).some((s) => s.name === "Sample")).toBe(false);
  });
});

describe("seedExamples", () => {
  it("every example segment is a valid contract document", async () => {
    const fresh = await openTestDatabase("pglite");
    try {
      const created = await seedExamples({ repos: fresh.db.repos, principal: LOCAL_OWNER });
      expect(created).toHaveLength(EXAMPLE_SEGMENTS.length);
      expect(created).toContain("article-writer");
      // Seeding again does nothing: the database is no longer empty.
      expect(await seedExamples({ repos: fresh.db.repos, principal: LOCAL_OWNER })).toEqual([]);
    } finally {
      await fresh.cleanup();
    }
  });
});
