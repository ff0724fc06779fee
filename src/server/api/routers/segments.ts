import { z } from "zod";
import {
  segmentDetailSchema,
  segmentNameSchema,
  segmentSummarySchema,
} from "../../../shared/resources/segment-resource";
import { createSegment } from "../../services/create-segment";
import { deleteSegment } from "../../services/delete-segment";
import { getSegment } from "../../services/get-segment";
import { listSegments } from "../../services/list-segments";
import { renameSegment } from "../../services/rename-segment";
import { procedure, router } from "../trpc";

const segmentId = z.string().min(1).max(64);

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

  delete: procedure
    .input(z.object({ segment_id: segmentId }))
    .output(z.object({ segment_id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await deleteSegment(ctx.services, input);
      return { segment_id: input.segment_id };
    }),
});
