// The standalone approval page's API: public (the link's token is the credential) and
// rate-limited per client IP. Signed-in users make links with `approvals.link`.
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { approvalSchema } from "../../../shared/resources/run-detail";
import { clientKeyOf, createLinkRateLimiter, RateLimitedError } from "../../approvals/link-rate-limit";
import { decideApprovalByLink, getApprovalByLink } from "../../approvals/link-service";
import { publicProcedure, router } from "../trpc";

const limiter = createLinkRateLimiter();

const rateLimited = publicProcedure.use(async ({ ctx, next }) => {
  try {
    await limiter.consume(clientKeyOf(ctx.headers));
  } catch (err) {
    if (err instanceof RateLimitedError) throw new TRPCError({ code: "TOO_MANY_REQUESTS", message: err.message });
    throw err;
  }
  return next();
});

const token = z.string().min(1, "The link has no token").max(1024, "The link's token is too long");

export const approvalLinksRouter = router({
  get: rateLimited
    .input(z.object({ token }))
    .output(
      z.object({
        approval: approvalSchema,
        segment_name: z.string(),
        step_name: z.string().nullable(),
        on_timeout: z.enum(["approve", "reject", "fail"]).nullable(),
        link_expires_at: z.string(),
      }),
    )
    .query(({ ctx, input }) => getApprovalByLink({ app: ctx.app }, input)),

  decide: rateLimited
    .input(
      z.object({
        token,
        decision: z.enum(["approve", "reject"]),
        data: z.unknown().optional(),
        comment: z.string().max(10_000).optional(),
      }),
    )
    .output(approvalSchema)
    .mutation(({ ctx, input }) => decideApprovalByLink({ app: ctx.app }, input)),
});
