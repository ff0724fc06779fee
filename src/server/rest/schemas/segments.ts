// REST shapes of segments (issue 6), snake_case like the contract. The services return these
// shapes (list-segment-page.ts, get-saved-segment.ts); the contract test checks live answers
// against the OpenAPI document generated from these schemas.
import { z } from "zod";
import { segmentSchema } from "../../../shared/segment";
import { isoTimestamp, queryBoolean, queryLimit, queryPositiveInt } from "./common";
import { named } from "./registry";
import { SEGMENT_PAGE_DEFAULT, SEGMENT_PAGE_MAX } from "../../services/list-segment-page";

/** The segment contract (docs/contracts/segment-json.md), as one named schema. */
export const segmentDocumentSchema = named("Segment", segmentSchema);

export const segmentIdParamsSchema = z.object({
  id: z.string().min(1).max(64, "a segment id has at most 64 characters").describe("The segment_id"),
});

export const savedSegmentRefSchema = named(
  "SavedSegmentRef",
  z.object({
    segment_id: z.string(),
    revision: z.int().describe("The revision just saved (1 for a new segment)"),
  }),
);

export const segmentListItemSchema = named(
  "SegmentListItem",
  z.object({
    segment_id: z.string(),
    name: z.string(),
    revision: z.int().nullable().describe("Latest saved revision; null while the segment is only a draft in the editor"),
    created_at: isoTimestamp,
    updated_at: isoTimestamp,
  }),
);

export const segmentListPageSchema = named(
  "SegmentList",
  z.object({
    items: z.array(segmentListItemSchema),
    next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  }),
);

export const listSegmentsQuerySchema = z.object({
  cursor: z.string().min(1).optional().describe("next_cursor of the previous page"),
  limit: queryLimit(SEGMENT_PAGE_DEFAULT, SEGMENT_PAGE_MAX),
});

export const getSegmentQuerySchema = z.object({
  revision: queryPositiveInt.optional().describe("An older revision (default: the latest)"),
});

export const deleteSegmentQuerySchema = z.object({
  force: queryBoolean
    .optional()
    .describe("true: cancel the segment's runs that have not finished, wait for them to stop, then delete"),
});

export const savedSegmentSchema = named(
  "SegmentResource",
  z.object({
    segment: segmentDocumentSchema,
    revision: z.int(),
    latest_revision: z.int(),
    created_at: isoTimestamp.describe("When the segment was created"),
    updated_at: isoTimestamp.describe("When the segment last changed"),
    revision_created_at: isoTimestamp.describe("When this revision was saved"),
    revision_created_by: z.string().nullable(),
  }),
);
