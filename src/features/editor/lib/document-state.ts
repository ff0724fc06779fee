/**
 * What the editor opens and how the stored versions relate: the draft when there is one
 * (unsaved work), else the latest revision.
 */
import type { SegmentDetail } from "@/shared/resources/segment-resource";

export type DocumentSource = "draft" | "revision" | "none";

export function documentToOpen(detail: SegmentDetail): { document: unknown; source: DocumentSource } {
  if (detail.draft) return { document: detail.draft.document, source: "draft" };
  if (detail.revision_document) return { document: detail.revision_document, source: "revision" };
  return { document: null, source: "none" };
}

export function hasRevision(detail: SegmentDetail): boolean {
  return detail.latest_revision > 0 && detail.revision_document !== null;
}

/** True when a draft exists next to a saved revision and says something else. */
export function draftDiffersFromRevision(detail: SegmentDetail): boolean {
  if (!detail.draft || !hasRevision(detail)) return false;
  return canonicalJson(detail.draft.document) !== canonicalJson(detail.revision_document);
}

/** JSON with object keys sorted, so key order never counts as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
