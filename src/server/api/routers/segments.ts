import { z } from "zod";
import {
  draftSavedSchema,
  revisionDocumentSchema,
  revisionPageSchema,
  saveRevisionResultSchema,
  segmentDetailSchema,
  segmentNameSchema,
  segmentSummarySchema,
} from "../../../shared/resources/segment-resource";
import { createSegment } from "../../services/create-segment";
import { deleteSegment } from "../../services/delete-segment";
import { getRevision } from "../../services/get-revision";
import { getSegment } from "../../services/get-segment";
import { listRevisions } from "../../services/list-revisions";
import { listSegments } from "../../services/list-segments";
import { renameSegment } from "../../services/rename-segment";
import { restoreRevision } from "../../services/restore-revision";
import { saveDraft } from "../../services/save-draft";
import { saveDraftRevision } from "../../services/save-draft-revision";
import { procedure, router } from "../trpc";

const segmentId = z.string().min(1).max(64);
const revisionNumber = z.int().min(1);
/** The draft version the client last saw (`draft.version`); a mismatch is a conflict. */
const expectedVersion = z.int().min(0);
/** Checked by the service (a JSON object, size-bounded) so every caller gets the same message. */
const draftWrite = z.object({ segment_id: segmentId, document: z.unknown(), expected_version: expectedVersion });

export const segmentsRouter = router({
  list: procedure.output(z.array(segmentSummarySchema)).query(({ ctx }) => listSegments(ctx.services)),

  get: procedure
    .input(z.object({ segment_id: segmentId }))
    .output(segmentDetailSchema)
    .query(({ ctx, input }) => getSegment(ctx.services, input)),

  create: procedure
    .input(
      z.object({
        name: segmentNameSchema,
        segment_id: z.string().optional(),
        description: z.string().max(2000).optional(),
      }),
    )
    .output(segmentDetailSchema)
    .mutation(({ ctx, input }) => createSegment(ctx.services, input)),

  rename: procedure
    .input(z.object({ segment_id: segmentId, name: segmentNameSchema }))
    .output(segmentDetailSchema)
    .mutation(({ ctx, input }) => renameSegment(ctx.services, input)),

  saveDraft: procedure
    .input(draftWrite)
    .output(draftSavedSchema)
    .mutation(({ ctx, input }) => saveDraft(ctx.services, input)),

  saveRevision: procedure
    .input(draftWrite)
    .output(saveRevisionResultSchema)
    .mutation(({ ctx, input }) => saveDraftRevision(ctx.services, input)),

  revisions: procedure
    .input(z.object({ segment_id: segmentId, cursor: revisionNumber.optional(), limit: z.int().min(1).max(100).optional() }))
    .output(revisionPageSchema)
    .query(({ ctx, input }) => listRevisions(ctx.services, input)),

  revision: procedure
    .input(z.object({ segment_id: segmentId, revision: revisionNumber }))
    .output(revisionDocumentSchema)
    .query(({ ctx, input }) => getRevision(ctx.services, input)),

  restoreRevision: procedure
    .input(z.object({ segment_id: segmentId, revision: revisionNumber, expected_version: expectedVersion }))
    .output(draftSavedSchema)
    .mutation(({ ctx, input }) => restoreRevision(ctx.services, input)),

  delete: procedure
    .input(z.object({ segment_id: segmentId }))
    .output(z.object({ segment_id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await deleteSegment(ctx.services, input);
      return { segment_id: input.segment_id };
    }),
});
