import { z } from "zod";
import { runPageSchema, runStatusSchema } from "../../../shared/resources/run-resource";
import { listRuns } from "../../services/list-runs";
import { procedure, router } from "../trpc";

export const runsRouter = router({
  list: procedure
    .input(
      z.object({
        segment_id: z.string().max(64).optional(),
        status: runStatusSchema.optional(),
        cursor: z.string().max(64).optional(),
        limit: z.number().int().min(1).max(200).optional(),
      }),
    )
    .output(runPageSchema)
    .query(({ ctx, input }) => listRuns(ctx.services, input)),
});
