/**
 * human_approval: the run waits (durably, holding no process) for a person to approve, edit
 * then approve, or reject. The decision itself is validated and recorded by decideApproval
 * (../commands/decide.ts); this handler turns it into the step's output:
 * `{decision, edited, data, comment, decided_by, decided_at}`.
 * A timeout decides as `system:timeout` per `on_timeout`; `on_reject` applies to any rejection.
 */
import { humanApprovalConfigSchema, type HumanApprovalConfig } from "../../shared/catalog";
import { StepError } from "../errors";
import type { ApprovalRecord } from "../model";
import { complete, defineHandler, type StepOutcome } from "./types";

export const SYSTEM_TIMEOUT = "system:timeout";

function timeoutDecision(config: HumanApprovalConfig, approval: ApprovalRecord, now: Date): StepOutcome {
  const decision = config.on_timeout === "approve" ? "approved" : config.on_timeout === "reject" ? "rejected" : null;
  return {
    kind: "decide",
    decision: {
      status: "expired",
      decision,
      edited: false,
      result: approval.data,
      comment: null,
      decided_by: SYSTEM_TIMEOUT,
      decided_at: now.toISOString(),
    },
  };
}

function outcomeOf(config: HumanApprovalConfig, approval: ApprovalRecord): StepOutcome {
  if (approval.status === "cancelled") throw new StepError("cancelled", "the approval was cancelled", { retryable: false });
  if (approval.decision === null) {
    throw new StepError("approval_timeout", `no decision within ${config.timeout_seconds}s (on_timeout: fail)`, { retryable: false });
  }
  if (approval.decision === "rejected" && config.on_reject === "fail") {
    const by = approval.decided_by ?? "unknown";
    throw new StepError("rejected", `rejected by ${by}${approval.comment ? `: ${approval.comment}` : ""}`, { retryable: false });
  }
  return complete({
    decision: approval.decision,
    edited: approval.edited,
    data: approval.result,
    comment: approval.comment,
    decided_by: approval.decided_by,
    decided_at: approval.decided_at,
  });
}

export const humanApprovalHandler = defineHandler({
  // Only computes outcomes: the approval it asks for exists once the runner commits it (and only
  // then is anyone notified), a decision is read from the run. So a decision, the transform
  // after it and the next approval's request go out in one commit.
  pure: true,
  type: "human_approval",
  config: humanApprovalConfigSchema,
  async start(ctx) {
    const { config } = ctx;
    const expires = config.timeout_seconds === undefined ? null : new Date(ctx.now().getTime() + config.timeout_seconds * 1000);
    return {
      kind: "wait",
      approval: {
        title: config.title,
        instructions: config.instructions ?? null,
        form: config.form ?? null,
        data: ctx.input,
        expires_at: expires,
      },
    };
  },
  async resume(ctx) {
    const approval = ctx.resume?.approval;
    if (!approval) throw new StepError("step_error", "the approval of this step is missing", { retryable: false });
    if (approval.status === "pending") {
      const expired = approval.expires_at !== null && Date.parse(approval.expires_at) <= ctx.now().getTime();
      if (expired) return timeoutDecision(ctx.config, approval, ctx.now());
      return { kind: "wait", approval: { title: approval.title, data: approval.data } };
    }
    return outcomeOf(ctx.config, approval);
  },
});
