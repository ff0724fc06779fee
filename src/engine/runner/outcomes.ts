/**
 * What the loop does with a handler's result: route a completion, park a waiting or suspended
 * step (creating its approval or child runs), record a system decision, or handle a failure
 * (retry, on_error continue, or fail the run). Async work happens first, then the state
 * changes, synchronously, so a concurrent commit never sees half a result.
 */
import { StepError, toStepError } from "../errors";
import { routeEdges, type RouteContext } from "../graph/routing";
import type { RunRecord } from "../model";
import type { ChildRunRequest, StepOutcome } from "../steps/types";
import { maxAttempts } from "./retry";
import type { RunLoop } from "./run-loop";
import { iso } from "./runtime";

/** Attempts interrupted by a crash beyond max_attempts before the step gives up (code `interrupted`). */
const MAX_EXTRA_INTERRUPTED = 2;

function routeContext(loop: RunLoop, stepId: string, stepInput: unknown, output: unknown): RouteContext {
  return { input: loop.mem.run.input, steps: { ...loop.mem.outputs, [stepId]: output }, step_input: stepInput, output };
}

export async function applyOutcome(loop: RunLoop, stepId: string, outcome: StepOutcome): Promise<void> {
  const record = loop.mem.step(stepId);
  switch (outcome.kind) {
    case "complete": {
      let routes: number[];
      try {
        routes = await routeEdges(loop.mem.graph, stepId, outcome.port, () => routeContext(loop, stepId, record.input, outcome.output));
      } catch (error) {
        return applyFailure(loop, stepId, toStepError(error));
      }
      loop.transitions.complete(stepId, outcome.output, routes, outcome.usage);
      loop.planner.markSuccessors(stepId);
      return;
    }
    case "wait":
      loop.transitions.wait(stepId, outcome.approval);
      loop.parked.add(stepId);
      return;
    case "suspend": {
      let children: RunRecord[];
      try {
        children = await Promise.all((outcome.children ?? []).map((request) => childRun(loop, stepId, request)));
      } catch (error) {
        return applyFailure(loop, stepId, toStepError(error));
      }
      const refs = children.map((child, i) => ({ key: outcome.children?.[i]?.key ?? String(i), run_id: child.run_id, seen_status: child.status }));
      loop.transitions.suspend(stepId, outcome.state ?? record.state, outcome.wake_at ?? null, refs);
      for (const child of children) loop.mem.addChildRun(child);
      loop.parked.add(stepId);
      return;
    }
    case "decide":
      return recordDecision(loop, stepId, outcome.decision);
  }
}

/** A child run record (status pending) for a subsegment/map request; its revision is pinned now. */
async function childRun(loop: RunLoop, stepId: string, request: ChildRunRequest): Promise<RunRecord> {
  const found = await loop.runtime.loadSegment(request.segment_id, request.revision);
  if (!found) {
    const which = request.revision === undefined ? "" : ` revision ${request.revision}`;
    throw new StepError("segment_not_found", `segment "${request.segment_id}"${which} not found`, { retryable: false });
  }
  const parent = loop.mem.run;
  const now = iso(loop.runtime.clock.now());
  return {
    ...parent,
    run_id: loop.runtime.newId(),
    parent_run_id: parent.run_id,
    parent_step_id: stepId,
    segment_id: found.segment.segment_id,
    revision: found.revision,
    status: "pending",
    input: request.input,
    output: null,
    error: null,
    input_tokens: 0,
    output_tokens: 0,
    cost: 0,
    control: null,
    wake_at: null,
    created_at: now,
    started_at: null,
    finished_at: null,
  };
}

/** A handler's system decision (approval timeout): recorded like a person's, then the step resumes. */
async function recordDecision(loop: RunLoop, stepId: string, write: Extract<StepOutcome, { kind: "decide" }>["decision"]): Promise<void> {
  const approvalId = loop.mem.step(stepId).approval_id;
  if (!approvalId) return applyFailure(loop, stepId, new StepError("step_error", "no approval to decide", { retryable: false }));
  await loop.flush();
  const event = loop.mem.makeEvent("human.decided", stepId, {
    approval_id: approvalId,
    status: write.status,
    decision: write.decision,
    edited: write.edited,
    data: write.result,
    comment: write.comment,
    decided_by: write.decided_by,
    decided_at: write.decided_at,
  });
  // Refused when a person decided first: then their decision is the one the step resumes with.
  const result = await loop.committer.decide(approvalId, write, event);
  const approval = result.ok ? result.approval : result.approval;
  if (approval) loop.mem.approvals.set(approval.approval_id, approval);
  loop.parked.add(stepId);
}

export async function applyFailure(loop: RunLoop, stepId: string, error: StepError): Promise<void> {
  const step = loop.mem.graph.steps.get(stepId);
  if (!step) return;
  if (loop.transitions.canRetry(step, error)) {
    loop.transitions.retry(step, error);
    loop.parked.add(stepId);
    return;
  }
  if (step.on_error === "continue") {
    const output = { error: error.toInfo() };
    const input = loop.mem.step(stepId).input;
    const routes = await routeEdges(loop.mem.graph, stepId, undefined, () => routeContext(loop, stepId, input, output), true);
    loop.transitions.fail(stepId, error, routes);
    loop.planner.markSuccessors(stepId);
    return;
  }
  loop.transitions.fail(stepId, error, null);
  loop.failure ??= { code: error.code, message: error.message, step_id: stepId };
  loop.cancelInflight();
}

/** Recovery after a crash: an attempt that was running when its worker died runs again as a new attempt. */
export function recoverInterrupted(loop: RunLoop, stepId: string): void {
  const step = loop.mem.graph.steps.get(stepId);
  const record = loop.mem.step(stepId);
  if (!step) return;
  const error = new StepError("interrupted", `attempt ${record.attempt} was interrupted (the worker stopped)`);
  if (record.attempt < maxAttempts(step.retry) + MAX_EXTRA_INTERRUPTED) {
    loop.transitions.retry(step, error, 0);
    loop.parked.add(stepId);
  } else {
    loop.transitions.fail(stepId, error, null);
    loop.failure ??= { code: error.code, message: error.message, step_id: stepId };
  }
}
