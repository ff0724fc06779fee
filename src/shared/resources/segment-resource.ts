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
