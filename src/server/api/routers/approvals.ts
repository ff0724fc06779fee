import { z } from "zod";
import { APPROVALS_PAGE_MAX, approvalSchema } from "../../../shared/resources/run-detail";
import { createLinkForApproval } from "../../approvals/link-service";
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
        /** Newest first (the inbox's decided tabs); oldest first otherwise. */
        newest_first: z.boolean().optional(),
        /** The next page: the approvals after this one. */
        after: z.string().max(64).optional(),
        limit: z.int().min(1).max(APPROVALS_PAGE_MAX).optional(),
      }),
    )
    .output(z.array(approvalSchema))
    .query(({ ctx, input }) => listApprovals(ctx.services, { ...input, limit: input.limit ?? APPROVALS_PAGE_MAX })),

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

  /** A signed, expiring link to the standalone approval page, to send by email or chat. */
  link: procedure
    .input(z.object({ approval_id: z.string().min(1).max(64) }))
    .output(z.object({ url: z.string(), expires_at: z.string() }))
    .mutation(({ ctx, input }) => createLinkForApproval({ app: ctx.app }, input)),

  /** How many approvals wait (the navigation badge polls this: no approval data). */
  pendingCount: procedure
    .output(z.number().int().min(0))
    .query(async ({ ctx }) => (await listApprovals(ctx.services, { status: "pending" })).length),
});
