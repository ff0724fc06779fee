/** The words of the revision history and the "Saved" comparison of the top bar. */
import { describe, expect, it } from "vitest";
import { describeDiff } from "@/features/editor/components/revisions/describe-diff";
import { documentJson, draftVersionOf, revisionJsonOf, segmentToOpen } from "@/features/editor/lib/document-state";
import type { RevisionDiff, SegmentDetail } from "@/shared/resources/segment-resource";
import { richSegment } from "./fixtures";

const noChange: RevisionDiff = {
  steps_added: [],
  steps_removed: [],
  steps_changed: [],
  edges_added: 0,
  edges_removed: 0,
  settings_changed: false,
  layout_only: false,
};

describe("describeDiff", () => {
  it("counts what changed, in the order a reader scans", () => {
    const words = describeDiff({ ...noChange, steps_added: ["a", "b"], steps_removed: ["c"], steps_changed: ["d"], edges_added: 3, settings_changed: true }, 4);
    expect(words.parts).toEqual(["+2 steps", "−1 step", "~1 changed", "+3 connections", "settings"]);
    expect(words.detail).toBe("Added: a, b\nRemoved: c\nChanged: d");
  });

  it("says 'layout only' when only positions moved, and names the first revision", () => {
    expect(describeDiff({ ...noChange, layout_only: true }, 3).parts).toEqual(["Layout only"]);
    expect(describeDiff({ ...noChange, steps_added: ["a", "b", "c"] }, 1).parts).toEqual(["First revision · 3 steps"]);
    expect(describeDiff(noChange, 2).parts).toEqual(["No changes"]);
  });
});

function detail(overrides: Partial<SegmentDetail>): SegmentDetail {
  return {
    segment_id: "rich",
    name: "Rich",
    description: null,
    latest_revision: 0,
    step_count: 0,
    run_count: 0,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-01T00:00:00.000Z",
    draft: null,
    revision_document: null,
    ...overrides,
  };
}

describe("the document against the latest revision", () => {
  it("is 'saved' when the editor holds the revision, whatever the key order", () => {
    const revision = richSegment() as unknown as Record<string, unknown>;
    const reordered = Object.fromEntries(Object.entries(revision).reverse());
    const d = detail({ latest_revision: 2, revision_document: reordered });
    expect(documentJson(segmentToOpen(d))).toBe(revisionJsonOf(d));
  });

  it("differs after a change, and there is nothing to compare before the first revision", () => {
    const d = detail({ latest_revision: 2, revision_document: richSegment() as unknown as Record<string, unknown> });
    expect(documentJson({ ...segmentToOpen(d), name: "Renamed" })).not.toBe(revisionJsonOf(d));
    expect(revisionJsonOf(detail({}))).toBeNull();
  });

  it("writes the first draft with version 0 and later ones with the loaded draft's version", () => {
    expect(draftVersionOf(detail({}))).toBe(0);
    expect(draftVersionOf(detail({ draft: { document: {}, version: 5, base_revision: null, updated_at: "2026-01-01T00:00:00.000Z" } }))).toBe(5);
  });
});
