// The editor's procedures as the browser calls them (HTTP over the fetch adapter): drafts,
// revisions, history, restore and "Try a step", with the statuses and error data it relies on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAppContext } from "../../src/server/app-context";
import {
  draftConflictDetailSchema,
  type DraftSaved,
  type RevisionDocument,
  type RevisionSummary,
  type SaveRevisionResult,
} from "../../src/shared/resources/segment-resource";
import type { TryStepResult } from "../../src/shared/resources/try-step";
import { testAppContext } from "../helpers/app-context";
import { sampleSegment } from "../helpers/segments";
import { call, data } from "../helpers/trpc-call";
import { openTestDatabase, type TestDatabase } from "../helpers/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase("pglite");
  setAppContext(testAppContext(t));
});
afterAll(async () => {
  setAppContext(undefined);
  await t?.cleanup();
});

const doc = () => sampleSegment({ segment_id: "edited", name: "Edited" });

describe("segments editing procedures", () => {
  beforeAll(async () => {
    await data("segments.create", { name: "Edited", segment_id: "edited" });
  });

  it("autosave, then a second tab with the old version gets a 409 it can act on", async () => {
    const saved = await data<DraftSaved>("segments.saveDraft", { segment_id: "edited", document: doc(), expected_version: 1 });
    expect(saved).toMatchObject({ segment_id: "edited", version: 2 });

    const stale = await call("segments.saveDraft", { segment_id: "edited", document: { ...doc(), name: "Other tab" }, expected_version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toMatch(/^This segment was changed elsewhere \(draft version 2, saved .* by you\): reload it or overwrite$/);
    expect(stale.body.error?.data).toMatchObject({ code: "CONFLICT", appCode: "conflict" });
    const [detail] = (stale.body.error?.data.details ?? []) as unknown[];
    expect(draftConflictDetailSchema.parse(detail).current_version).toBe(2);
  });

  it("a document that is not an object is a 400 saying so", async () => {
    const res = await call("segments.saveDraft", { segment_id: "edited", document: [1, 2], expected_version: 2 });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toBe("The segment document must be a JSON object, not an array");
  });

  it("Save: invalid stays a draft with problems (200), valid becomes a revision", async () => {
    const invalid = await data<SaveRevisionResult>("segments.saveRevision", {
      segment_id: "edited",
      document: { ...doc(), entrypoint: "" },
      expected_version: 2,
    });
    expect(invalid).toMatchObject({ ok: false, draft: { version: 3 } });
    const valid = await data<SaveRevisionResult>("segments.saveRevision", { segment_id: "edited", document: doc(), expected_version: 3 });
    expect(valid).toEqual({ ok: true, revision: 1, draft: expect.objectContaining({ version: 4 }) });
  });

  it("history, one revision, restore", async () => {
    await data("segments.saveRevision", { segment_id: "edited", document: { ...doc(), description: "v2" }, expected_version: 4 });
    const { items: revisions } = await data<{ items: RevisionSummary[] }>("segments.revisions", { segment_id: "edited" }, "GET");
    expect(revisions.map((r) => [r.revision, r.diff.settings_changed])).toEqual([
      [2, true],
      [1, false],
    ]);
    const one = await data<RevisionDocument>("segments.revision", { segment_id: "edited", revision: 1 }, "GET");
    expect(one.document).not.toHaveProperty("description");
    const missing = await call("segments.revision", { segment_id: "edited", revision: 7 }, "GET");
    expect(missing.status).toBe(404);
    expect(missing.body.error?.message).toBe('Segment "edited" has no revision 7: its revisions are 1 to 2');
    const restored = await data<DraftSaved>("segments.restoreRevision", { segment_id: "edited", revision: 1, expected_version: 5 });
    expect(restored.version).toBe(6);
  });
});

describe("steps.try", () => {
  it("runs a transform on sample input", async () => {
    const result = await data<TryStepResult>("steps.try", {
      step: { step_id: "t", type: "transform", config: { expression: "step_input.a * 2" } },
      input: { a: 21 },
    });
    expect(result).toMatchObject({ status: "completed", output: 42, error: null });
  });

  it("a human approval is unsupported alone and says what it would show", async () => {
    const result = await data<TryStepResult>("steps.try", {
      step: { step_id: "h", type: "human_approval", config: { title: "Ship it?" } },
      input: {},
    });
    expect(result).toMatchObject({ status: "unsupported", error: { message: "A human approval step waits for a person; in a run it would show: Ship it?" } });
  });

  it("sample data over 1 MB is a 400", async () => {
    const res = await call("steps.try", { step: { step_id: "t", type: "transform", config: { expression: "1" } }, input: "x".repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/sample data is too large/);
  });

  it("trying steps writes no run and no event", async () => {
    const tried = await data<TryStepResult>("steps.try", { step: { step_id: "l", type: "llm_agent", config: { llm_ref: "mock" } }, input: "hello there" });
    expect(tried).toMatchObject({ status: "completed", output: "hello there", tokens: { input: 2, output: 2 } });
    expect(await t.db.prisma.run.count()).toBe(0);
    expect(await t.db.prisma.runEvent.count()).toBe(0);
    expect(await t.db.prisma.stepRun.count()).toBe(0);
    expect(await t.db.prisma.approval.count()).toBe(0);
  });
});
