// What the MCP tools return: compact, agent-oriented views of the shared resources (the same run
// and approval JSON the REST API serves, minus what an agent rarely needs), as zod schemas (the
// tools' output schemas) and the functions that build them.
import { z } from "zod";
import { approvalSchema, stepErrorSchema, stepStatusSchema, tokenCountSchema, type Approval, type RunDetail } from "../../shared/resources/run-detail";
import { runErrorSchema, runStatusSchema } from "../../shared/resources/run-resource";

export const approvalViewSchema = approvalSchema
  .pick({
    approval_id: true,
    run_id: true,
    root_run_id: true,
    segment_id: true,
    step_id: true,
    status: true,
    title: true,
    instructions: true,
    data: true,
    form: true,
    decision: true,
    edited: true,
    result: true,
    comment: true,
    decided_by: true,
    decided_at: true,
    expires_at: true,
    created_at: true,
  })
  .describe("A human approval step");
export type ApprovalView = z.infer<typeof approvalViewSchema>;

export const stepSummarySchema = z.object({
  step_id: z.string(),
  status: stepStatusSchema,
  attempts: z.int().min(0),
  error: stepErrorSchema.nullable(),
  reused: z.boolean(),
  /** Only with include_step_outputs. */
  output: z.unknown().optional(),
});

export const runViewSchema = z.object({
  run_id: z.string(),
  segment_id: z.string(),
  revision: z.int(),
  status: runStatusSchema.describe(
    "pending/running: in progress; waiting: a human step waits for a decision (see pending_approvals); paused; completed; failed; cancelled",
  ),
  input: z.unknown(),
  output: z.unknown().describe("The run's result once completed (null before)"),
  error: runErrorSchema,
  steps: z.array(stepSummarySchema).describe("Every step of the segment revision with its status (outputs only with include_step_outputs)"),
  pending_approvals: z.array(approvalViewSchema).describe("Approvals of this run (and its child runs) waiting for a decision"),
  tokens: tokenCountSchema,
  cost: z.number(),
  parent_run_id: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  wait_timed_out: z
    .boolean()
    .optional()
    .describe("Present when the call waited: true if the wait ended before the run finished or started waiting for a person"),
});
export type RunView = z.infer<typeof runViewSchema>;

export function approvalView(approval: Approval): ApprovalView {
  return approvalViewSchema.parse(approval);
}

export function runView(run: RunDetail, pending: Approval[], options: { includeStepOutputs?: boolean; waitTimedOut?: boolean } = {}): RunView {
  return {
    run_id: run.run_id,
    segment_id: run.segment_id,
    revision: run.revision,
    status: run.status,
    input: run.input,
    output: run.output,
    error: run.error,
    steps: Object.entries(run.steps).map(([step_id, step]) => ({
      step_id,
      status: step.status,
      attempts: step.attempts,
      error: step.error,
      reused: step.reused,
      ...(options.includeStepOutputs ? { output: step.output } : {}),
    })),
    pending_approvals: pending.map(approvalView),
    tokens: run.tokens,
    cost: run.cost,
    parent_run_id: run.parent_run_id,
    created_at: run.created_at,
    started_at: run.started_at,
    finished_at: run.finished_at,
    ...(options.waitTimedOut === undefined ? {} : { wait_timed_out: options.waitTimedOut }),
  };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The text rendering of a run: a sentence saying where it stands and what to do next, then the JSON. */
export function describeRun(view: RunView): string {
  const head = `Run ${view.run_id} of segment "${view.segment_id}" (revision ${view.revision}) is ${view.status}.`;
  const next: string[] = [];
  if (view.status === "waiting" && view.pending_approvals.length === 0) {
    next.push(`No approval is pending any more: the run is resuming. Call get_run with run_id "${view.run_id}" and wait to follow it.`);
  } else if (view.status === "waiting") {
    for (const a of view.pending_approvals) {
      next.push(`Waiting for a human decision on step "${a.step_id}" ("${a.title}"): approval_id ${a.approval_id}. Decide it with decide_approval.`);
    }
  } else if (view.status === "paused") {
    next.push("Paused by a person: it continues when someone resumes it (in the app or POST /api/v1/runs/{id}/resume).");
  } else if (view.status === "pending" || view.status === "running") {
    next.push(`Still in progress${view.wait_timed_out ? " (the wait ended first)" : ""}: call get_run with run_id "${view.run_id}" and wait to follow it.`);
  } else if (view.status === "failed" && view.error) {
    next.push(`Error ${view.error.code}${view.error.step_id ? ` at step "${view.error.step_id}"` : ""}: ${view.error.message}`);
  }
  return [head, ...next, "", json(view)].join("\n");
}

export function describeApprovals(approvals: ApprovalView[]): string {
  const head =
    approvals.length === 0
      ? "No approvals are waiting for a decision."
      : `${approvals.length} approval${approvals.length === 1 ? " is" : "s are"} waiting for a decision:\n` +
        approvals.map((a) => `- ${a.approval_id}: "${a.title}" (step "${a.step_id}" of run ${a.run_id}, segment "${a.segment_id}")`).join("\n");
  return `${head}\n\n${json({ approvals })}`;
}
