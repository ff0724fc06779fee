// REST shapes of runs and approvals (issue 6). The resources themselves are the shared ones the
// engine builds (src/shared/resources): the REST API, tRPC and the CLI return the same JSON.
import { z } from "zod";
import { APPROVALS_PAGE_MAX, approvalSchema, runDetailSchema } from "../../../shared/resources/run-detail";
import { runPageSchema, runStatusSchema } from "../../../shared/resources/run-resource";
import { queryLimit } from "./common";
import { named } from "./registry";

export const RUN_PAGE_DEFAULT = 50;
export const RUN_PAGE_MAX = 200;
export const RUN_TIMEOUT_MAX_SECONDS = 7 * 24 * 3600;

export const runResourceSchema = named("Run", runDetailSchema, "A run: status, input, output, error, every step of its revision, tokens and cost");
export const runListPageSchema = named("RunList", runPageSchema);
export const approvalResourceSchema = named("Approval", approvalSchema, "A human approval step waiting for (or given) a decision");

export const runIdParamsSchema = z.object({
  id: z.string().min(1).max(64, "a run id has at most 64 characters").describe("The run_id"),
});

export const approvalIdParamsSchema = z.object({
  id: z.string().min(1).max(64, "an approval id has at most 64 characters").describe("The approval_id"),
});

/** Unknown fields are refused (422), so a misspelt option is never silently ignored. */
export const startRunBodySchema = named(
  "StartRun",
  z.strictObject({
    input_data: z.unknown().optional().describe("The run input; must match the segment's input_schema (default {})"),
    revision: z.int().min(1).optional().describe("Run this revision instead of the latest"),
    timeout_seconds: z
      .number()
      .gt(0, "must be more than 0 seconds")
      .max(RUN_TIMEOUT_MAX_SECONDS, `must be at most ${RUN_TIMEOUT_MAX_SECONDS} (7 days)`)
      .optional()
      .describe("Fail the run with error code run_timeout if it has not finished this many seconds after it was accepted (steps in flight are stopped, waiting approvals cancelled)"),
    idempotency_key: z
      .string()
      .min(1)
      .max(200, "an idempotency key has at most 200 characters")
      .optional()
      .describe("Retry-safe start: the same key with the same body answers 200 with the run the first request started; with another body 409. Kept 24 hours"),
  }),
);

export const startedRunSchema = named(
  "StartedRun",
  z.object({
    run_id: z.string(),
    status: runStatusSchema.describe("The run's status right after it was accepted (it proceeds in the background)"),
  }),
);

export const listRunsQuerySchema = z.object({
  segment_id: z.string().min(1).max(64).optional().describe("Only runs of this segment"),
  status: runStatusSchema.optional().describe("Only runs with this status"),
  cursor: z.string().min(1).max(64).optional().describe("next_cursor of the previous page"),
  limit: queryLimit(RUN_PAGE_DEFAULT, RUN_PAGE_MAX),
});

export const rerunBodySchema = named(
  "Rerun",
  z.strictObject({
    from_step: z.string().min(1).max(64).optional().describe("Re-run from this step: the steps before it are reused, it and the rest run again"),
    input_data: z.unknown().optional().describe("Input for the new run (default: the original run's input)"),
  }),
);

export const runEventsQuerySchema = z.object({
  last_event_id: z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(0, "must be at least 0")
    .optional()
    .describe("Replay the events after this seq (as the Last-Event-ID header does; the header wins)"),
});

export const listApprovalsQuerySchema = z.object({
  status: approvalSchema.shape.status.optional().describe("Only approvals with this status"),
  run_id: z.string().min(1).max(64).optional().describe("Only approvals of this run"),
  root_run_id: z.string().min(1).max(64).optional().describe("Only approvals of this run tree (a run and its child runs)"),
  limit: queryLimit(APPROVALS_PAGE_MAX, APPROVALS_PAGE_MAX),
  after: z.string().min(1).max(64).optional().describe("The next page: only approvals after this approval id (the last one of the previous page)"),
});

export const decisionBodySchema = named(
  "Decision",
  z.strictObject({
    decision: z.enum(["approve", "reject"]),
    data: z.unknown().optional().describe("Approve with edited data; must match the approval's form"),
    comment: z.string().max(10_000).optional(),
  }),
);
