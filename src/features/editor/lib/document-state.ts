/**
 * What the editor opens and how the stored versions relate: the draft when there is one
 * (unsaved work), else the latest revision.
 */
import type { SegmentDetail } from "@/shared/resources/segment-resource";
import type { Segment } from "@/shared/segment";
import { readSegmentDocument } from "./read-document";

export type DocumentSource = "draft" | "revision" | "none";

export function documentToOpen(detail: SegmentDetail): { document: unknown; source: DocumentSource } {
  if (detail.draft) return { document: detail.draft.document, source: "draft" };
  if (detail.revision_document) return { document: detail.revision_document, source: "revision" };
  return { document: null, source: "none" };
}

/** The segment the editor shows for a loaded detail (the draft, else the latest revision). */
export function segmentToOpen(detail: SegmentDetail): Segment {
  return readSegmentDocument(documentToOpen(detail).document, fallbackOf(detail));
}

/**
 * The `expected_version` of the first draft write. A segment without a draft has version 0:
 * the server creates the draft on the first save.
 */
export function draftVersionOf(detail: SegmentDetail): number {
  return detail.draft?.version ?? 0;
}

export function hasRevision(detail: SegmentDetail): boolean {
  return detail.latest_revision > 0 && detail.revision_document !== null;
}

/** True when a draft exists next to a saved revision and says something else. */
export function draftDiffersFromRevision(detail: SegmentDetail): boolean {
  if (!detail.draft || !hasRevision(detail)) return false;
  return canonicalJson(detail.draft.document) !== canonicalJson(detail.revision_document);
}

/**
 * The latest revision as the editor would hold it, in canonical JSON, or null before the
 * first revision. Compared with `documentJson(current)`: equal means "nothing to save".
 * Read through the same lenient reader as the editor, so defaults never count as changes.
 */
export function revisionJsonOf(detail: SegmentDetail): string | null {
  if (!hasRevision(detail)) return null;
  return documentJson(readSegmentDocument(detail.revision_document, fallbackOf(detail)));
}

/** A segment in canonical JSON: two documents are the same when these strings are. */
export function documentJson(segment: Segment): string {
  return canonicalJson(segment);
}

/** JSON with object keys sorted, so key order never counts as a change. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function fallbackOf(detail: SegmentDetail) {
  return { segment_id: detail.segment_id, name: detail.name, description: detail.description };
}
