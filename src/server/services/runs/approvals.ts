import { APPROVALS_PAGE_MAX, type Approval } from "../../../shared/resources/run-detail";
import type { RunServiceContext } from "../context";
import { engineCall } from "./engine-errors";


export async function listApprovals(
  ctx: RunServiceContext,
  filter: {
    run_id?: string | undefined;
    root_run_id?: string | undefined;
    status?: Approval["status"] | undefined;
    newest_first?: boolean | undefined;
    after?: string | undefined;
    limit?: number | undefined;
  },
): Promise<Approval[]> {
  return ctx.engine.listApprovals({
    ...(filter.run_id ? { run_id: filter.run_id } : {}),
    ...(filter.root_run_id ? { root_run_id: filter.root_run_id } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.newest_first ? { newest_first: true } : {}),
    ...(filter.after ? { after: filter.after } : {}),
    // The network edges (REST, tRPC) always pass a limit; the local library and CLI may list all.
    ...(filter.limit === undefined ? {} : { limit: Math.min(filter.limit, APPROVALS_PAGE_MAX) }),
  });
}

/**
 * Approve, edit-then-approve (`data`, validated against the step's form) or
 * reject. Recorded once: deciding twice, deciding a cancelled or finished run,
 * or invalid data is refused and changes nothing.
 */
export async function decideApproval(
  ctx: RunServiceContext,
  input: { approval_id: string; decision: "approve" | "reject"; data?: unknown; comment?: string | undefined },
): Promise<Approval> {
  return engineCall(() =>
    ctx.engine.decide({
      approval_id: input.approval_id,
      decision: input.decision,
      ...(input.data === undefined ? {} : { data: input.data }),
      ...(input.comment ? { comment: input.comment } : {}),
      decided_by: ctx.principal.id,
    }),
  );
}
