import { describe, expect, it } from "vitest";
import { canonicalJson, documentToOpen, draftDiffersFromRevision } from "@/features/editor/lib/document-state";
import type { SegmentDetail } from "@/shared/resources/segment-resource";

const detail = (over: Partial<SegmentDetail>): SegmentDetail => ({
  segment_id: "s",
  name: "S",
  description: null,
  latest_revision: 1,
  step_count: 0,
  run_count: 0,
  created_at: "2025-01-01T00:00:00.000Z",
  updated_at: "2025-01-01T00:00:00.000Z",
  draft: null,
  revision_document: null,
  ...over,
});
const draft = (document: Record<string, unknown>) => ({ document, version: 1, base_revision: 1, updated_at: "2025-01-01T00:00:00.000Z" });

describe("document state", () => {
  it("opens the draft first, then the revision", () => {
    expect(documentToOpen(detail({ draft: draft({ a: 1 }), revision_document: { a: 2 } })).source).toBe("draft");
    expect(documentToOpen(detail({ revision_document: { a: 2 } })).source).toBe("revision");
    expect(documentToOpen(detail({})).source).toBe("none");
  });

  it("key-order-is-not-a-change: the same draft in another key order is not a draft", () => {
    const d = detail({ draft: draft({ a: 1, b: { c: 2, d: [1, { e: 1, f: 2 }] } }), revision_document: { b: { d: [1, { f: 2, e: 1 }], c: 2 }, a: 1 } });
    expect(draftDiffersFromRevision(d)).toBe(false);
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("a real difference is a draft; no revision means no 'Draft' indicator (the badge says draft only)", () => {
    expect(draftDiffersFromRevision(detail({ draft: draft({ a: 1 }), revision_document: { a: 2 } }))).toBe(true);
    expect(draftDiffersFromRevision(detail({ latest_revision: 0, draft: draft({ a: 1 }) }))).toBe(false);
  });
});
