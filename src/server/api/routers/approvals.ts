import { z } from "zod";
import { approvalSchema } from "../../../shared/resources/run-detail";
import { decideApproval, listApprovals } from "../../services/runs/approvals";
import { procedure, router } from "../trpc";

const approvalStatus = approvalSchema.shape.status;

export const approvalsRouter = router({
  list: procedure
    .input(
      z.object({
        run_id: z.string().max(64).optional(),
        root_run_id: z.string().max(64).optional(),
        status: approvalStatus.optional(),
      }),
    )
    .output(z.array(approvalSchema))
    .query(({ ctx, input }) => listApprovals(ctx.services, input)),

  decide: procedure
    .input(
      z.object({
        approval_id: z.string().min(1).max(64),
        decision: z.enum(["approve", "reject"]),
        data: z.unknown().optional(),
        comment: z.string().max(10_000).optional(),
      }),
    )
    .output(approvalSchema)
    .mutation(({ ctx, input }) => decideApproval(ctx.services, input)),
});
