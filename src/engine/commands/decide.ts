/**
 * decideApproval: a person approves, edits then approves, or rejects. Checked first (the run is
 * live, the approval pending, edited data matches the form), then recorded once, atomically
 * with its `human.decided` event, and the run is scheduled. On a paused run the decision is
 * recorded and takes effect on resume. Any refusal is an EngineError and changes nothing.
 */
import { EngineError } from "../errors";
import { jsonSchemaProblems } from "../json-schema";
import type { ApprovalDecisionWrite, ApprovalRecord, NewRunEvent } from "../model";
import { iso, type Runtime } from "../runner/runtime";

export interface DecideOptions {
  approval_id: string;
  decision: "approve" | "reject";
  /** Edited data (approve only); must match the approval's form. */
  data?: unknown;
  comment?: string;
  /** A user id. */
  decided_by: string;
}

export async function decideApproval(runtime: Runtime, options: DecideOptions): Promise<ApprovalRecord> {
  const approval = await runtime.store.getApproval(options.approval_id);
  if (!approval) throw new EngineError("approval_not_found", `approval ${options.approval_id} not found`);
  const run = await runtime.store.getRun(approval.run_id);
  if (!run) throw new EngineError("run_not_found", `run ${approval.run_id} not found`);
  if (run.status === "cancelled" || run.control === "cancel") throw new EngineError("run_cancelled", `run ${run.run_id} was cancelled`);
  if (approval.status !== "pending") {
    // Cancelled because its run ended (a timeout, a failure elsewhere): say that, not "decided".
    if (approval.status === "cancelled" && (run.status === "completed" || run.status === "failed")) {
      throw new EngineError("run_finished", `run ${run.run_id} is already ${run.status}${run.error ? ` (${run.error.code})` : ""}`);
    }
    throw new EngineError("approval_already_decided", `approval ${approval.approval_id} is already ${approval.status}`);
  }
  if (run.status === "completed" || run.status === "failed") throw new EngineError("run_finished", `run ${run.run_id} is already ${run.status}`);

  const edited = options.data !== undefined;
  if (edited) {
    if (options.decision !== "approve") throw new EngineError("invalid_decision", "data can only be edited when approving");
    if (approval.form === null) throw new EngineError("invalid_decision", "this approval has no form: its data cannot be edited");
    const problems = jsonSchemaProblems(approval.form, options.data);
    if (problems.length > 0) throw new EngineError("invalid_decision", `the edited data does not match the form: ${problems.join("; ")}`, problems);
  }
  const decision = options.decision === "approve" ? "approved" : "rejected";
  const write: ApprovalDecisionWrite = {
    status: decision,
    decision,
    edited,
    result: edited ? options.data : approval.data,
    comment: options.comment ?? null,
    decided_by: options.decided_by,
    decided_at: iso(runtime.clock.now()),
  };
  const event = {
    event_id: runtime.newId(),
    run_id: run.run_id,
    root_run_id: run.root_run_id,
    segment_id: run.segment_id,
    type: "human.decided",
    step_id: approval.step_id,
    ts: write.decided_at,
    correlation_id: run.correlation_id,
    payload: {
      approval_id: approval.approval_id,
      status: write.status,
      decision: write.decision,
      edited,
      data: write.result,
      comment: write.comment,
      decided_by: write.decided_by,
      decided_at: write.decided_at,
    },
  } satisfies NewRunEvent;
  const result = await runtime.store.decideApproval(approval.approval_id, write, event);
  if (!result.ok) {
    if (result.reason === "not_found") throw new EngineError("approval_not_found", `approval ${options.approval_id} not found`);
    if (result.approval?.status === "cancelled") throw new EngineError("run_cancelled", `run ${run.run_id} was cancelled`);
    throw new EngineError("approval_already_decided", `approval ${approval.approval_id} is already ${result.approval?.status ?? "decided"}`);
  }
  runtime.sink.publish([result.event]);
  runtime.wake(run.run_id);
  return result.approval;
}
