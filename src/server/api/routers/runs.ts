import { z } from "zod";
import { runDetailSchema } from "../../../shared/resources/run-detail";
import { runPageSchema, runStatusSchema } from "../../../shared/resources/run-resource";
import { consumeRunStart } from "../../rate-limit/run-start-limit";
import { listRuns } from "../../services/list-runs";
import { controlRun } from "../../services/runs/control-run";
import { getRun } from "../../services/runs/get-run";
import { rerunRun } from "../../services/runs/rerun-run";
import { startRun } from "../../services/runs/start-run";
import { procedure, router } from "../trpc";

const runId = z.string().min(1).max(64);
const runRef = z.object({ run_id: runId });

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

  get: procedure.input(runRef).output(runDetailSchema).query(({ ctx, input }) => getRun(ctx.services, input)),

  start: procedure
    .input(
      z.object({
        segment_id: z.string().min(1).max(64),
        revision: z.number().int().min(1).optional(),
        input: z.unknown().optional(),
      }),
    )
    .output(runDetailSchema)
    .mutation(async ({ ctx, input }) => {
      await consumeRunStart(ctx.principal, ctx.app.config);
      return startRun(ctx.services, { ...input, correlation_id: ctx.correlationId });
    }),

  cancel: procedure
    .input(runRef)
    .output(runDetailSchema)
    .mutation(({ ctx, input }) => controlRun(ctx.services, { ...input, action: "cancel" })),
  pause: procedure
    .input(runRef)
    .output(runDetailSchema)
    .mutation(({ ctx, input }) => controlRun(ctx.services, { ...input, action: "pause" })),
  resume: procedure
    .input(runRef)
    .output(runDetailSchema)
    .mutation(({ ctx, input }) => controlRun(ctx.services, { ...input, action: "resume" })),

  rerun: procedure
    .input(z.object({ run_id: runId, from_step: z.string().min(1).max(64).optional(), input: z.unknown().optional() }))
    .output(runDetailSchema)
    .mutation(async ({ ctx, input }) => {
      await consumeRunStart(ctx.principal, ctx.app.config);
      return rerunRun(ctx.services, { ...input, correlation_id: ctx.correlationId });
    }),
});


