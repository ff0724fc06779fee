// /api/v1/segments: save a segment (new or a new revision), list, fetch a revision, delete.
import { z } from "zod";
import { deleteSegment } from "../../services/delete-segment";
import { getSavedSegment } from "../../services/get-saved-segment";
import { listSegmentPage } from "../../services/list-segment-page";
import { saveSegmentRevision } from "../../services/save-segment-revision";
import { defineRoute } from "../define-route";
import {
  deleteSegmentQuerySchema,
  getSegmentQuerySchema,
  listSegmentsQuerySchema,
  savedSegmentRefSchema,
  savedSegmentSchema,
  segmentDocumentSchema,
  segmentIdParamsSchema,
  segmentListPageSchema,
} from "../schemas/segments";

const TAGS = ["Segments"];

const EXAMPLE_SEGMENT = {
  segment_id: "greeting",
  name: "Greeting",
  entrypoint: "greet",
  input_schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
  steps: [{ step_id: "greet", type: "transform", config: { expression: '{"message": "Hello, " & input.name}' } }],
};

export const saveSegmentRoute = defineRoute({
  method: "POST",
  path: "/api/v1/segments",
  operationId: "saveSegment",
  summary: "Save a segment",
  description:
    "Saves a segment document (the segment contract: `SegmentInput` below; docs/contracts/segment-json.md in the repository) as a new immutable revision. " +
    "A new `segment_id` creates the segment at revision 1 (**201**); an existing one gets its next revision (**200**). " +
    "The document must pass the full validation (contract, step catalog, graph, expressions): otherwise **422** `invalid_segment` lists every problem and nothing is saved.",
  tags: TAGS,
  // The service validates the document itself so that every problem is reported at once.
  body: z.unknown(),
  documentedBody: segmentDocumentSchema,
  bodyExample: EXAMPLE_SEGMENT,
  responses: {
    201: { description: "Created the segment at revision 1", schema: savedSegmentRefSchema, example: { segment_id: "greeting", revision: 1 } },
    200: { description: "Added a revision to an existing segment", schema: savedSegmentRefSchema, example: { segment_id: "greeting", revision: 2 } },
    422: {
      description: "Not a valid segment (`invalid_segment`, every problem in `details`) or not a JSON object",
      example: {
        error: {
          code: "invalid_segment",
          message: "The segment has 1 problem",
          details: [{ code: "unknown_step_type", path: "steps[0].type", message: 'Step "greet" has an unknown type "trnsform" — did you mean "transform"?', step_id: "greet" }],
        },
      },
    },
  },
  async handler({ ctx, body }) {
    const saved = await saveSegmentRevision(ctx.services, { document: body });
    return { status: saved.created ? 201 : 200, body: { segment_id: saved.segment_id, revision: saved.revision } };
  },
});

export const listSegmentsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/segments",
  operationId: "listSegments",
  summary: "List segments",
  description: "Every segment, ordered by `segment_id`, a page at a time: pass `next_cursor` back as `?cursor=` until it is null.",
  tags: TAGS,
  query: listSegmentsQuerySchema,
  responses: {
    200: {
      description: "A page of segments",
      schema: segmentListPageSchema,
      example: {
        items: [{ segment_id: "greeting", name: "Greeting", revision: 2, created_at: "2025-01-01T10:00:00.000Z", updated_at: "2025-01-02T09:30:00.000Z" }],
        next_cursor: null,
      },
    },
  },
  async handler({ ctx, query }) {
    return { status: 200, body: await listSegmentPage(ctx.services, query) };
  },
});

export const getSegmentRoute = defineRoute({
  method: "GET",
  path: "/api/v1/segments/{id}",
  operationId: "getSegment",
  summary: "Get a segment",
  description:
    "The latest saved revision of a segment as contract JSON, or an older one with `?revision=N`. " +
    "A segment that is only a draft in the editor (never saved) is a 404 until it is saved.",
  tags: TAGS,
  params: segmentIdParamsSchema,
  query: getSegmentQuerySchema,
  responses: {
    200: { description: "The revision", schema: savedSegmentSchema },
    404: { description: "No such segment, no such revision, or no saved revision yet" },
  },
  async handler({ ctx, params, query }) {
    return { status: 200, body: await getSavedSegment(ctx.services, { segment_id: params.id, revision: query.revision }) };
  },
});

export const deleteSegmentRoute = defineRoute({
  method: "DELETE",
  path: "/api/v1/segments/{id}",
  operationId: "deleteSegment",
  summary: "Delete a segment",
  description:
    "Deletes the segment with all its revisions, its draft and its runs. " +
    "While some of its runs have not finished (pending, running, waiting or paused) the answer is **409** and nothing is deleted; " +
    "`?force=true` cancels those runs, waits for them to stop, then deletes.",
  tags: TAGS,
  params: segmentIdParamsSchema,
  query: deleteSegmentQuerySchema,
  responses: {
    204: { description: "Deleted" },
    404: { description: "No such segment" },
    409: {
      description: "Runs of the segment have not finished (or did not stop in time after `force=true`); nothing was deleted",
      example: {
        error: {
          code: "conflict",
          message: 'Segment "greeting" has runs that have not finished (1 waiting): cancel them first, or force the delete, which cancels them',
          details: [{ code: "run_not_finished", path: "runs", message: "run 0197a3c2-… is waiting" }],
        },
      },
    },
  },
  async handler({ ctx, params, query }) {
    await deleteSegment(ctx.services, { segment_id: params.id, force: query.force ?? false });
    return { status: 204 };
  },
});

export const segmentRoutes = [saveSegmentRoute, listSegmentsRoute, getSegmentRoute, deleteSegmentRoute];
