// The run list shape. The engine issue extends this into the full run resource.
import { z } from "zod";

export const RUN_STATUSES = ["pending", "running", "waiting", "paused", "completed", "failed", "cancelled"] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

export const runErrorSchema = z
  .object({ code: z.string(), message: z.string(), step_id: z.string().optional() })
  .nullable();

export const runSummarySchema = z.object({
  run_id: z.string(),
  root_run_id: z.string(),
  segment_id: z.string(),
  segment_name: z.string(),
  revision: z.number().int(),
  status: runStatusSchema,
  error: runErrorSchema,
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runPageSchema = z.object({
  items: z.array(runSummarySchema),
  next_cursor: z.string().nullable(),
});
export type RunPage = z.infer<typeof runPageSchema>;
