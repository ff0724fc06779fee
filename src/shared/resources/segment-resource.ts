// Shapes the server returns for segments (tRPC outputs today, REST later).
// Snake_case like the segment contract; timestamps are ISO 8601 UTC strings.
import { z } from "zod";

/** A segment document as stored: a draft may be incomplete, so it is only an object here. */
export const segmentDocumentSchema = z.record(z.string(), z.unknown());

export const segmentSummarySchema = z.object({
  segment_id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  latest_revision: z.number().int(),
  step_count: z.number().int(),
  run_count: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type SegmentSummary = z.infer<typeof segmentSummarySchema>;

export const segmentDetailSchema = segmentSummarySchema.extend({
  draft: z
    .object({
      document: segmentDocumentSchema,
      version: z.number().int(),
      base_revision: z.number().int().nullable(),
      updated_at: z.string(),
    })
    .nullable(),
  /** The latest saved revision's contract JSON, null before the first save. */
  revision_document: segmentDocumentSchema.nullable(),
});
export type SegmentDetail = z.infer<typeof segmentDetailSchema>;

export const savedRevisionSchema = z.object({
  segment_id: z.string(),
  revision: z.number().int(),
  created: z.boolean(),
});
export type SavedRevision = z.infer<typeof savedRevisionSchema>;

export const segmentNameSchema = z
  .string()
  .trim()
  .min(1, "Name is required")
  .max(200, "Name must be at most 200 characters");

// ---------------------------------------------------------------------------------------------
// Editing (issue 4): drafts with optimistic concurrency, revisions from drafts, history.

/** `segments.saveDraft` / `segments.restoreRevision`: the draft as stored now. */
export const draftSavedSchema = z.object({
  segment_id: z.string(),
  /** Pass it as `expected_version` with the next write; a mismatch is a conflict. */
  version: z.int(),
  updated_at: z.string(),
});
export type DraftSaved = z.infer<typeof draftSavedSchema>;

/**
 * The detail of a `conflict` error (tRPC CONFLICT, `data.appCode` "conflict") from a draft
 * write, in `data.details`: the draft as stored now. To overwrite it, send the write again
 * with `expected_version: current_version`.
 */
export const draftConflictDetailSchema = z.object({
  code: z.literal("draft_conflict"),
  path: z.literal("expected_version"),
  message: z.string(),
  current_version: z.int(),
  updated_at: z.string(),
  updated_by: z.string(),
});
export type DraftConflictDetail = z.infer<typeof draftConflictDetailSchema>;

/**
 * `segments.saveRevision`: the draft is written first (as saveDraft); a valid draft then
 * becomes revision N, an invalid one stays a draft and the problems are returned.
 */
export const saveRevisionResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), revision: z.int(), draft: draftSavedSchema }),
  z.object({
    ok: z.literal(false),
    draft: draftSavedSchema,
    problems: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        severity: z.enum(["error", "warning"]),
        step_id: z.string().optional(),
        edge: z.object({ index: z.int(), from_step: z.string(), to_step: z.string() }).optional(),
        path: z.string().optional(),
      }),
    ),
  }),
]);
export type SaveRevisionResult = z.infer<typeof saveRevisionResultSchema>;

/** What changed from the previous revision (revision 1: everything is "added"). */
export const revisionDiffSchema = z.object({
  steps_added: z.array(z.string()),
  steps_removed: z.array(z.string()),
  /** Same step_id, different type/config/name/retry/timeout/on_error (not position). */
  steps_changed: z.array(z.string()),
  edges_added: z.int(),
  edges_removed: z.int(),
  /** name, description, entrypoint, input_schema or metadata changed. */
  settings_changed: z.boolean(),
  /** Only positions (`ui`) changed. */
  layout_only: z.boolean(),
});
export type RevisionDiff = z.infer<typeof revisionDiffSchema>;

/** `segments.revisions`: newest first. */
export const revisionSummarySchema = z.object({
  revision: z.int(),
  created_at: z.string(),
  created_by: z.string().nullable(),
  step_count: z.int(),
  diff: revisionDiffSchema,
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

/** `segments.revisions`: a page of the history, newest first; `next_cursor` fetches older ones. */
export const revisionPageSchema = z.object({
  items: z.array(revisionSummarySchema),
  next_cursor: z.int().nullable(),
});
export type RevisionPage = z.infer<typeof revisionPageSchema>;

/** `segments.revision`: one saved revision, read-only. */
export const revisionDocumentSchema = z.object({
  segment_id: z.string(),
  revision: z.int(),
  created_at: z.string(),
  created_by: z.string().nullable(),
  document: segmentDocumentSchema,
});
export type RevisionDocument = z.infer<typeof revisionDocumentSchema>;
