/**
 * The run and approval resources as tRPC delivers them: its inferred types make `unknown`
 * fields optional; the run view keeps what it needs in the shared schemas' shape.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { Approval, RunDetail } from "@/shared/resources/run-detail";

type Outputs = inferRouterOutputs<AppRouter>;
export type RunOutput = Outputs["runs"]["get"];
export type ApprovalOutput = Outputs["approvals"]["list"][number];

/** What the run view takes from `runs.get`: the facts events do not carry. Status and steps come from the events. */
export type RunFacts = Pick<
  RunDetail,
  "run_id" | "root_run_id" | "parent_run_id" | "parent_step_id" | "rerun_of" | "segment_id" | "revision" | "created_at" | "input"
>;

export const asRunFacts = (run: RunOutput): RunFacts => ({
  run_id: run.run_id,
  root_run_id: run.root_run_id,
  parent_run_id: run.parent_run_id,
  parent_step_id: run.parent_step_id,
  rerun_of: run.rerun_of,
  segment_id: run.segment_id,
  revision: run.revision,
  created_at: run.created_at,
  input: run.input,
});

export const asApproval = (approval: ApprovalOutput): Approval => ({ ...approval, data: approval.data, result: approval.result });
