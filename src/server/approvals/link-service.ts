// The use cases behind approval links: make a link for a signed-in user, read and decide an
// approval with a link's token (the token is the credential: no principal). Errors are
// AppErrors whose first detail carries a stable code the approval page words for people:
// link_invalid, link_expired, approval_not_found (and the engine's refusals on decide).
import type { Engine, RunStore } from "../../engine";
import type { HumanApprovalConfig } from "../../shared/catalog";
import type { Approval } from "../../shared/resources/run-detail";
import type { AppContext } from "../app-context";
import type { Config } from "../config/env";
import type { Repositories } from "../db/repositories";
import { databaseSegmentSource } from "../runtime/segment-source";
import { AppError } from "../services/errors";
import { engineCall } from "../services/runs/engine-errors";
import { createApprovalLink, LinkTokenError, verifyLinkToken, type ApprovalLink } from "./approval-links";
import { approvalLinkKey } from "./link-secret";

export type LinkServiceContext = {
  app: Pick<AppContext, "config" | "db" | "runtime">;
  now?: () => Date;
};

/** What the standalone page shows besides the approval itself. */
export type LinkedApproval = {
  approval: Approval;
  segment_name: string;
  step_name: string | null;
  on_timeout: HumanApprovalConfig["on_timeout"] | null;
  link_expires_at: string;
};

/** Who decided through a link: the approval it was made for (the link is the only credential). */
export const linkDecider = (approvalId: string) => `link:${approvalId}`;

const now = (ctx: LinkServiceContext) => (ctx.now ? ctx.now() : new Date());
const engineOf = (ctx: LinkServiceContext): Engine => ctx.app.runtime.engine;
const storeOf = (ctx: LinkServiceContext): RunStore => ctx.app.db.runStore;

function approvalGone(): AppError {
  return new AppError("not_found", "This approval no longer exists. The run may have been deleted.", [
    { code: "approval_not_found", message: "approval not found" },
  ]);
}

function verify(ctx: LinkServiceContext, token: string) {
  try {
    return verifyLinkToken(approvalLinkKey(ctx.app.config).key, token, now(ctx));
  } catch (err) {
    if (err instanceof LinkTokenError) {
      const code = err.reason === "expired" ? "link_expired" : "link_invalid";
      throw new AppError(err.reason === "expired" ? "forbidden" : "unauthorized", err.message, [{ code, message: err.message }]);
    }
    throw err;
  }
}

/** A link to a pending approval, for a signed-in user to send by email or chat. */
export async function createLinkForApproval(ctx: LinkServiceContext, input: { approval_id: string }): Promise<ApprovalLink> {
  const approval = await storeOf(ctx).getApproval(input.approval_id);
  if (!approval) throw new AppError("not_found", `Approval ${input.approval_id} was not found`);
  if (approval.status !== "pending") {
    throw new AppError("conflict", `This approval is already ${approval.status}: there is nothing left to decide, so no link is needed.`);
  }
  return approvalLink(ctx.app.config, approval, now(ctx));
}

/** The link of an approval (the webhook sends it too). */
export function approvalLink(config: Config, approval: Pick<Approval, "approval_id" | "expires_at">, at: Date = new Date()): ApprovalLink {
  return createApprovalLink(approvalLinkKey(config).key, config.publicUrl, approval, at);
}

export async function getApprovalByLink(ctx: LinkServiceContext, input: { token: string }): Promise<LinkedApproval> {
  const payload = verify(ctx, input.token);
  const approval = await storeOf(ctx).getApproval(payload.approval_id);
  if (!approval) throw approvalGone();
  return {
    approval,
    ...(await stepFacts(ctx.app.db.repos, storeOf(ctx), approval)),
    link_expires_at: new Date(payload.exp * 1000).toISOString(),
  };
}

/** Decides the one approval the token names; a second use finds it decided and is refused. */
export async function decideApprovalByLink(
  ctx: LinkServiceContext,
  input: { token: string; decision: "approve" | "reject"; data?: unknown; comment?: string | undefined },
): Promise<Approval> {
  const payload = verify(ctx, input.token);
  return engineCall(() =>
    engineOf(ctx).decide({
      approval_id: payload.approval_id,
      decision: input.decision,
      ...(input.data === undefined ? {} : { data: input.data }),
      ...(input.comment ? { comment: input.comment } : {}),
      decided_by: linkDecider(payload.approval_id),
    }),
  );
}

/** The segment's name, the step's name and its on_timeout, from the revision the run executes. */
async function stepFacts(
  repos: Repositories,
  store: RunStore,
  approval: Approval,
): Promise<Pick<LinkedApproval, "segment_name" | "step_name" | "on_timeout">> {
  const run = await store.getRun(approval.run_id);
  const found = run ? await databaseSegmentSource(repos).get(approval.segment_id, run.revision).catch(() => null) : null;
  const step = found?.segment.steps.find((s) => s.step_id === approval.step_id);
  const onTimeout = step?.type === "human_approval" ? (step.config as Partial<HumanApprovalConfig>).on_timeout : undefined;
  return {
    segment_name: found?.segment.name ?? approval.segment_id,
    step_name: step?.name ?? null,
    // The catalog default applies when the step does not say.
    on_timeout: step?.type === "human_approval" ? (onTimeout ?? "fail") : null,
  };
}
