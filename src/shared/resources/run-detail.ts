/**
 * The full run resource (REST `GET /api/v1/runs/:id`, tRPC `runs.get`, the CLI's stdout) and
 * the approval resource. The engine builds both (src/engine/resource); everyone else parses
 * or infers from these schemas. The list shape stays in run-resource.ts.
 */
import { z } from "zod";
import { runErrorSchema, runStatusSchema } from "./run-resource";

export const STEP_STATUSES = ["pending", "running", "waiting", "completed", "failed", "skipped", "cancelled"] as const;
export const stepStatusSchema = z.enum(STEP_STATUSES);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "expired", "cancelled"] as const;
export const approvalStatusSchema = z.enum(APPROVAL_STATUSES);
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

/** Why a step failed: `timeout`, `expression_error`, `http_error`, `critic_output_invalid`, ... */
export const stepErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** Extra facts for the code, e.g. `{status, body_excerpt}` for `http_error`. */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type StepErrorInfo = z.infer<typeof stepErrorSchema>;

export const tokenCountSchema = z.object({
  input: z.number().int().min(0),
  output: z.number().int().min(0),
});
export type TokenCount = z.infer<typeof tokenCountSchema>;

const isoTime = z.string().describe("ISO 8601 UTC time");

export const runStepSchema = z.object({
  status: stepStatusSchema,
  /** The step's output; for an `on_error: continue` failure `{error}`; null until it finishes. */
  output: z.unknown(),
  error: stepErrorSchema.nullable(),
  /** Attempts started in this run (0: never ran here, e.g. skipped, pending or reused). */
  attempts: z.number().int().min(0),
  started_at: isoTime.nullable(),
  finished_at: isoTime.nullable(),
  /** Output copied from an earlier run by rerunFrom; the step did not run in this run. */
  reused: z.boolean(),
  tokens: tokenCountSchema,
  cost: z.number().min(0),
});
export type RunStep = z.infer<typeof runStepSchema>;

export const runDetailSchema = z.object({
  run_id: z.string(),
  root_run_id: z.string(),
  parent_run_id: z.string().nullable(),
  parent_step_id: z.string().nullable(),
  /** A re-run from a step: the run it re-ran and that step; null for every other run. */
  rerun_of: z.object({ run_id: z.string(), step_id: z.string() }).nullable(),
  segment_id: z.string(),
  revision: z.number().int().min(1),
  status: runStatusSchema,
  input: z.unknown(),
  /** Sinks' output (one sink: its output; several: `{<step_id>: output}`); null unless completed. */
  output: z.unknown(),
  error: runErrorSchema,
  /** Every step of the revision, keyed by step_id. */
  steps: z.record(z.string(), runStepSchema),
  tokens: tokenCountSchema,
  cost: z.number().min(0),
  correlation_id: z.string(),
  created_at: isoTime,
  started_at: isoTime.nullable(),
  finished_at: isoTime.nullable(),
});
export type RunDetail = z.infer<typeof runDetailSchema>;

/** The most approvals one list call returns over REST or tRPC (a page; `after` continues). */
export const APPROVALS_PAGE_MAX = 1000;

export const approvalSchema = z.object({
  approval_id: z.string(),
  /** The run the human step belongs to (a child run for a step inside a subsegment or map). */
  run_id: z.string(),
  /** The top-level run of the tree. */
  root_run_id: z.string(),
  segment_id: z.string(),
  step_id: z.string(),
  attempt: z.number().int().min(1),
  status: approvalStatusSchema,
  title: z.string(),
  instructions: z.string().nullable(),
  /** What the reviewer sees: the step input. */
  data: z.unknown(),
  /** JSON Schema the edited data must match; null: editing is not offered. */
  form: z.record(z.string(), z.unknown()).nullable(),
  decision: z.enum(["approved", "rejected"]).nullable(),
  edited: z.boolean(),
  /** The data after the decision (the edited data, or `data`). */
  result: z.unknown(),
  comment: z.string().nullable(),
  /** A user id, or `system:timeout`. */
  decided_by: z.string().nullable(),
  decided_at: isoTime.nullable(),
  expires_at: isoTime.nullable(),
  created_at: isoTime,
});
export type Approval = z.infer<typeof approvalSchema>;
