// /api/v1/approvals: the human steps waiting for a decision, and the decision itself (the same
// service as the inline panel and the signed link: recorded once, with who and when).
import { z } from "zod";
import { decideApproval, listApprovals } from "../../services/runs/approvals";
import { defineRoute } from "../define-route";
import { approvalIdParamsSchema, approvalResourceSchema, decisionBodySchema, listApprovalsQuerySchema } from "../schemas/runs";

const TAGS = ["Approvals"];

export const listApprovalsRoute = defineRoute({
  method: "GET",
  path: "/api/v1/approvals",
  operationId: "listApprovals",
  summary: "List approvals",
  description:
    "Approvals, oldest first, filtered by `status` (e.g. `pending`: what waits for a person), `run_id` or `root_run_id` (a run and its child runs). " +
    "At most `limit` per call (default and maximum 1000): when a page is full, pass its last `approval_id` as `after` for the next one.",
  tags: TAGS,
  query: listApprovalsQuerySchema,
  responses: { 200: { description: "The approvals", schema: z.array(approvalResourceSchema) } },
  async handler({ ctx, query }) {
    return { status: 200, body: await listApprovals(ctx.services, query) };
  },
});

export const decideApprovalRoute = defineRoute({
  method: "POST",
  path: "/api/v1/approvals/{id}/decision",
  operationId: "decideApproval",
  summary: "Approve or reject",
  description:
    "Records the decision and resumes the run. `approve` with `data` approves edited data, which must match the approval's `form` " +
    "(otherwise **422** `invalid_data` and the approval stays pending). `reject` may carry a `comment`. " +
    "**409** when the approval was already decided, expired or cancelled, or its run has ended; nothing changes then.",
  tags: TAGS,
  params: approvalIdParamsSchema,
  body: decisionBodySchema,
  bodyExample: { decision: "approve", data: { title: "Durable runs, explained" }, comment: "Shorter title" },
  responses: {
    200: { description: "The approval as decided", schema: approvalResourceSchema },
    404: { description: "No such approval" },
    409: { description: "Not pending any more, or its run has ended" },
  },
  async handler({ ctx, params, body }) {
    const approval = await decideApproval(ctx.services, {
      approval_id: params.id,
      decision: body.decision,
      ...(body.data === undefined ? {} : { data: body.data }),
      ...(body.comment === undefined ? {} : { comment: body.comment }),
    });
    return { status: 200, body: approval };
  },
});
