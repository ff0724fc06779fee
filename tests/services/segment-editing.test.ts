// Editing a segment as the canvas editor does: autosave under optimistic concurrency, Save
// into revisions, history, restore. On both databases (embedded PGlite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOCAL_OWNER } from "../../src/server/auth/principal";
import type { ServiceContext } from "../../src/server/services/context";
import { createSegment } from "../../src/server/services/create-segment";
import { AppError } from "../../src/server/services/errors";
import { getRevision } from "../../src/server/services/get-revision";
import { getSegment } from "../../src/server/services/get-segment";
import { listRevisions } from "../../src/server/services/list-revisions";
import { listSegments } from "../../src/server/services/list-segments";
import { restoreRevision } from "../../src/server/services/restore-revision";
import { saveDraft } from "../../src/server/services/save-draft";
import { saveDraftRevision } from "../../src/server/services/save-draft-revision";
import { DB_KINDS, openTestDatabase, type TestDatabase } from "../helpers/test-database";
import { sampleSegment } from "../helpers/segments";

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe.each(DB_KINDS)("segment editing on %s", (kind) => {
  let t: TestDatabase;
  let ctx: ServiceContext;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    ctx = { repos: t.db.repos, principal: LOCAL_OWNER };
  });
  afterAll(async () => t?.cleanup());

  /** A new segment (draft version 1) and its valid document. */
  async function fresh(id: string) {
    await createSegment(ctx, { name: id, segment_id: id });
    return sampleSegment({ segment_id: id, name: `Flow ${id}` }) as Record<string, unknown>;
  }
  const revisionCount = (id: string) => t.db.prisma.segmentRevision.count({ where: { segmentId: id } });

  describe("saveDraft", () => {
    it("stores the document as given (even invalid) and counts versions up", async () => {
      const doc = await fresh("autosave");
      const first = await saveDraft(ctx, { segment_id: "autosave", document: doc, expected_version: 1 });
      const unfinished = { ...doc, steps: [{ step_id: "half", type: "transform" }] };
      const second = await saveDraft(ctx, { segment_id: "autosave", document: unfinished, expected_version: first.version });
      expect([first.version, second.version]).toEqual([2, 3]);
      expect(first.segment_id).toBe("autosave");
      expect(Date.parse(second.updated_at)).not.toBeNaN();
      const detail = await getSegment(ctx, { segment_id: "autosave" });
      expect(detail.draft).toMatchObject({ version: 3, document: unfinished });
    });

    it("keeps the list's name and description in step with the draft", async () => {
      const doc = await fresh("listed");
      await saveDraft(ctx, { segment_id: "listed", document: { ...doc, name: "  Shown name ", description: "Shown text" }, expected_version: 1 });
      expect((await listSegments(ctx)).find((s) => s.segment_id === "listed")).toMatchObject({
        name: "Shown name",
        description: "Shown text",
      });
      // A name being typed (empty) leaves the list alone; a removed description clears it.
      await saveDraft(ctx, { segment_id: "listed", document: { ...doc, name: "" }, expected_version: 2 });
      expect(await getSegment(ctx, { segment_id: "listed" })).toMatchObject({ name: "Shown name", description: null });
    });

    it("a stale expected_version is a conflict naming the newer version, and nothing is written", async () => {
      const doc = await fresh("stale");
      await saveDraft(ctx, { segment_id: "stale", document: { ...doc, name: "Tab A" }, expected_version: 1 });
      const error = await failure(saveDraft(ctx, { segment_id: "stale", document: { ...doc, name: "Tab B" }, expected_version: 1 }));
      expect(error.code).toBe("conflict");
      expect(error.message).toBe(
        "This segment was changed elsewhere (draft version 2, saved just now by you): reload it or overwrite",
      );
      expect(error.details).toEqual([
        expect.objectContaining({ code: "draft_conflict", current_version: 2, updated_by: "local-owner", updated_at: expect.any(String) }),
      ]);
      const detail = await getSegment(ctx, { segment_id: "stale" });
      expect(detail).toMatchObject({ name: "Tab A", draft: { version: 2, document: { name: "Tab A" } } });
      // "Overwrite": the same write again with the version the conflict named.
      const overwritten = await saveDraft(ctx, { segment_id: "stale", document: { ...doc, name: "Tab B" }, expected_version: 2 });
      expect(overwritten.version).toBe(3);
      expect((await getSegment(ctx, { segment_id: "stale" })).name).toBe("Tab B");
    });

    it("two tabs saving from the same version at once: exactly one wins", async () => {
      const doc = await fresh("race");
      const results = await Promise.allSettled(
        ["Tab A", "Tab B", "Tab C"].map((name) => saveDraft(ctx, { segment_id: "race", document: { ...doc, name }, expected_version: 1 })),
      );
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost.map((r) => (r.reason as AppError).code)).toEqual(["conflict", "conflict"]);
      const detail = await getSegment(ctx, { segment_id: "race" });
      expect(detail.draft?.version).toBe(2);
      expect(detail.name).toBe(detail.draft?.document.name);
    });

    it("refuses a document that is not a JSON object, or larger than 5 MB", async () => {
      const doc = await fresh("refused");
      for (const bad of [[doc], null, "text", 42]) {
        const error = await failure(saveDraft(ctx, { segment_id: "refused", document: bad, expected_version: 1 }));
        expect(error.code).toBe("invalid_input");
        expect(error.message).toMatch(/^The segment document must be a JSON object, not /);
      }
      const huge = { ...doc, description: "x".repeat(5 * 1024 * 1024 + 1) };
      const error = await failure(saveDraft(ctx, { segment_id: "refused", document: huge, expected_version: 1 }));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toMatch(/too large \(5\.0 MB; at most 5\.0 MB\)/);
      expect((await getSegment(ctx, { segment_id: "refused" })).draft?.version).toBe(1);
    });

    it("an unknown segment is not_found; a segment without a draft gets one", async () => {
      const missing = await failure(saveDraft(ctx, { segment_id: "nowhere", document: {}, expected_version: 1 }));
      expect(missing).toMatchObject({ code: "not_found", message: 'Segment "nowhere" was not found' });
      const doc = await fresh("draftless");
      await t.db.prisma.segmentDraft.delete({ where: { segmentId: "draftless" } });
      const saved = await saveDraft(ctx, { segment_id: "draftless", document: doc, expected_version: 0 });
      expect(saved.version).toBe(1);
      expect((await getSegment(ctx, { segment_id: "draftless" })).draft?.document).toEqual(doc);
    });
  });

  describe("saveRevision", () => {
    it("an invalid draft is saved as a draft and its problems come back; no revision", async () => {
      const doc = await fresh("invalid-save");
      const broken = { ...doc, entrypoint: "ghost" };
      const result = await saveDraftRevision(ctx, { segment_id: "invalid-save", document: broken, expected_version: 1 });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.draft.version).toBe(2);
      expect(result.problems).toEqual(expect.arrayContaining([expect.objectContaining({ code: "unknown_entrypoint", severity: "error" })]));
      expect(await revisionCount("invalid-save")).toBe(0);
      expect((await getSegment(ctx, { segment_id: "invalid-save" })).draft?.document.entrypoint).toBe("ghost");
    });

    it("a valid draft becomes revision N+1 and the draft's base", async () => {
      const doc = await fresh("valid-save");
      const first = await saveDraftRevision(ctx, { segment_id: "valid-save", document: doc, expected_version: 1 });
      expect(first).toMatchObject({ ok: true, revision: 1, draft: { version: 2 } });
      const changed = { ...doc, description: "Second take" };
      const second = await saveDraftRevision(ctx, { segment_id: "valid-save", document: changed, expected_version: 2 });
      expect(second).toMatchObject({ ok: true, revision: 2, draft: { version: 3 } });
      const detail = await getSegment(ctx, { segment_id: "valid-save" });
      expect(detail).toMatchObject({ latest_revision: 2, draft: { base_revision: 2 }, revision_document: { description: "Second take" } });
    });

    it("key-order: draft and revision keep the author's key order (input fields show in the order written)", async () => {
      const doc = await fresh("key-order");
      const properties = { zeta_last_alphabetically: { type: "string" }, a: { type: "number" }, middle: { type: "boolean" } };
      const ordered = { ...doc, input_schema: { type: "object", properties } };
      await saveDraftRevision(ctx, { segment_id: "key-order", document: ordered, expected_version: 1 });
      const detail = await getSegment(ctx, { segment_id: "key-order" });
      const keys = (d: unknown) => Object.keys((d as { input_schema: { properties: object } }).input_schema.properties);
      expect(keys(detail.draft?.document)).toEqual(["zeta_last_alphabetically", "a", "middle"]);
      expect(keys(detail.revision_document)).toEqual(["zeta_last_alphabetically", "a", "middle"]);
    });

    it("saving the latest revision's document again makes no new revision", async () => {
      const doc = await fresh("same-save");
      await saveDraftRevision(ctx, { segment_id: "same-save", document: doc, expected_version: 1 });
      const reordered = Object.fromEntries(Object.entries(doc).reverse());
      const again = await saveDraftRevision(ctx, { segment_id: "same-save", document: reordered, expected_version: 2 });
      expect(again).toMatchObject({ ok: true, revision: 1, draft: { version: 3 } });
      expect(await revisionCount("same-save")).toBe(1);
    });

    it("a stale version is a conflict and makes no revision", async () => {
      const doc = await fresh("stale-save");
      await saveDraft(ctx, { segment_id: "stale-save", document: doc, expected_version: 1 });
      const error = await failure(saveDraftRevision(ctx, { segment_id: "stale-save", document: doc, expected_version: 1 }));
      expect(error.code).toBe("conflict");
      expect(await revisionCount("stale-save")).toBe(0);
    });

    it("a document of another segment is refused before anything is written", async () => {
      await fresh("host");
      const foreign = sampleSegment({ segment_id: "guest" });
      const error = await failure(saveDraftRevision(ctx, { segment_id: "host", document: foreign, expected_version: 1 }));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toContain('segment_id is "guest"');
      expect((await getSegment(ctx, { segment_id: "host" })).draft?.version).toBe(1);
      expect(await revisionCount("host")).toBe(0);
    });
  });

  describe("history and restore", () => {
    async function threeRevisions(id: string) {
      const doc = await fresh(id);
      const moved = structuredClone(doc) as ReturnType<typeof sampleSegment>;
      moved.steps[0]!.ui = { x: 50, y: 50 };
      const grown = structuredClone(moved);
      grown.steps.push({ step_id: "third", type: "transform", config: { expression: "1" } });
      grown.edges = [...grown.edges!, { from_step: "second", to_step: "third" }];
      let version = 1;
      for (const document of [doc, moved, grown]) {
        const saved = await saveDraftRevision(ctx, { segment_id: id, document, expected_version: version });
        version = saved.draft.version;
      }
      return { doc, version };
    }

    it("lists revisions newest first with what changed", async () => {
      await threeRevisions("history");
      const page = await listRevisions(ctx, { segment_id: "history" });
      expect(page.next_cursor).toBeNull();
      const revisions = page.items;
      expect(revisions.map((r) => [r.revision, r.step_count, r.created_by])).toEqual([
        [3, 3, "local-owner"],
        [2, 2, "local-owner"],
        [1, 2, "local-owner"],
      ]);
      expect(revisions[0]!.diff).toMatchObject({ steps_added: ["third"], edges_added: 1, layout_only: false });
      expect(revisions[1]!.diff).toMatchObject({ steps_added: [], steps_changed: [], layout_only: true });
      expect(revisions[2]!.diff).toMatchObject({ steps_added: ["first", "second"], edges_added: 1 });
      expect(await listRevisions(ctx, { segment_id: "autosave" })).toEqual({ items: [], next_cursor: null });
      await expect(listRevisions(ctx, { segment_id: "nowhere" })).rejects.toMatchObject({ code: "not_found" });
    });

    it("pages a long history: each page diffs its oldest revision against the one before, and the last page says so", async () => {
      await threeRevisions("paged");
      const first = await listRevisions(ctx, { segment_id: "paged", limit: 2 });
      expect(first.items.map((r) => r.revision)).toEqual([3, 2]);
      expect(first.items[1]!.diff).toMatchObject({ layout_only: true });
      expect(first.next_cursor).toBe(2);
      const older = await listRevisions(ctx, { segment_id: "paged", limit: 2, cursor: first.next_cursor! });
      expect(older.items.map((r) => r.revision)).toEqual([1]);
      expect(older.items[0]!.diff).toMatchObject({ steps_added: ["first", "second"] });
      expect(older.next_cursor).toBeNull();
    });

    it("opens one revision, and says which exist when asked for another", async () => {
      const { doc } = await threeRevisions("opened");
      const first = await getRevision(ctx, { segment_id: "opened", revision: 1 });
      expect(first).toMatchObject({ segment_id: "opened", revision: 1, created_by: "local-owner", document: { name: doc.name } });
      const error = await failure(getRevision(ctx, { segment_id: "opened", revision: 9 }));
      expect(error).toMatchObject({ code: "not_found", message: 'Segment "opened" has no revision 9: its revisions are 1 to 3' });
    });

    it("restore puts a revision into the draft, under the version check", async () => {
      const { version } = await threeRevisions("restored");
      const stale = await failure(restoreRevision(ctx, { segment_id: "restored", revision: 1, expected_version: version - 1 }));
      expect(stale.code).toBe("conflict");
      const restored = await restoreRevision(ctx, { segment_id: "restored", revision: 1, expected_version: version });
      expect(restored.version).toBe(version + 1);
      const detail = await getSegment(ctx, { segment_id: "restored" });
      const revisionOne = await getRevision(ctx, { segment_id: "restored", revision: 1 });
      expect(detail.draft).toMatchObject({ base_revision: 1, document: revisionOne.document });
      expect(detail.latest_revision).toBe(3);
      const missing = await failure(restoreRevision(ctx, { segment_id: "restored", revision: 4, expected_version: version + 1 }));
      expect(missing.code).toBe("not_found");
    });
  });
});
