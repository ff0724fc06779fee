// Approvals outside an advance: decideApproval in ONE call of the PL/pgSQL run_store_decide (lock
// the run, update the approval only while pending, number and append the human.decided event,
// poke the run),
// getApproval and listApprovals. A decision's statements run as named statements on the driver
// (like an advance's): a person waits on them.
import type { ApprovalDecisionWrite, ApprovalFilter, ApprovalRecord, DecideApprovalResult, RunEvent } from "../../../engine";
import type { PrismaClient } from "../generated/client";
import { approvalFromRow, jsonParam, parseJson, type JsonRow } from "./records";
import { join, runNamed, sql, type RawQuery, type Sql } from "./sql";

/**
 * The run row is locked first (like a commit, which locks the run and then upserts its
 * approvals), so a decision racing a commit cannot deadlock. Of two concurrent decisions the
 * second waits for the run lock, then finds the approval no longer pending: exactly one wins.
 */
export async function decideApproval(
  raw: RawQuery,
  approvalId: string,
  decision: ApprovalDecisionWrite,
  event: Omit<RunEvent, "seq">,
): Promise<DecideApprovalResult> {
  // One PL/pgSQL call (migration 20261207110000_run_store_decide_plpgsql): its plan is cached.
  const rows = await runNamed<{ approval: string | null; seq: number | null }>(raw, "run_store_decide", sql`
    SELECT approval, seq FROM run_store_decide(${approvalId}::text, ${decision.status}::text, ${decision.decision}::text,
      ${decision.edited}::boolean, ${jsonParam(decision.result)}::jsonb, ${decision.comment}::text, ${decision.decided_by}::text,
      ${decision.decided_at}::timestamptz, ${event.event_id}::text, ${event.type}::text, ${event.step_id ?? null}::text,
      ${event.ts}::timestamptz, ${event.correlation_id}::text, ${jsonParam(event.payload) ?? "{}"}::jsonb)`);
  const row = rows[0];
  if (row?.approval && row.seq !== null) {
    const approval = approvalFromRow(parseJson<JsonRow>(row.approval));
    return { ok: true, approval, event: { ...event, run_id: approval.run_id, seq: Number(row.seq) } as RunEvent };
  }
  const current = await getApproval(raw, approvalId);
  return current ? { ok: false, reason: "not_pending", approval: current } : { ok: false, reason: "not_found" };
}

export async function getApproval(raw: RawQuery, approvalId: string): Promise<ApprovalRecord | null> {
  const rows = await runNamed<{ approval: string }>(raw, "run_store_get_approval", sql`SELECT row_to_json(a)::text AS approval FROM approvals AS a WHERE a.id = ${approvalId}::text`);
  const row = rows[0];
  return row ? approvalFromRow(parseJson<JsonRow>(row.approval)) : null;
}

/**
 * Oldest first (or newest first), by (created_at, id); each filter field is optional (indexes:
 * run_id, root_run_id, (status, created_at)). `after` pages by keyset: the rows after that
 * approval in the chosen order (an unknown id: from the start).
 */
export async function listApprovals(prisma: PrismaClient, filter: ApprovalFilter): Promise<ApprovalRecord[]> {
  const where: Sql[] = [sql`TRUE`];
  if (filter.run_id !== undefined) where.push(sql`a.run_id = ${filter.run_id}`);
  if (filter.root_run_id !== undefined) where.push(sql`a.root_run_id = ${filter.root_run_id}`);
  if (filter.status !== undefined) where.push(sql`a.status = ${filter.status}`);
  const direction = filter.newest_first ? sql`DESC` : sql`ASC`;
  if (filter.after !== undefined) {
    const beyond = filter.newest_first ? sql`<` : sql`>`;
    where.push(sql`(NOT EXISTS (SELECT 1 FROM approvals AS p WHERE p.id = ${filter.after})
      OR (a.created_at, a.id) ${beyond} (SELECT p.created_at, p.id FROM approvals AS p WHERE p.id = ${filter.after}))`);
  }
  const limit = filter.limit === undefined ? sql`` : sql`LIMIT ${filter.limit}`;
  const rows = await prisma.$queryRaw<{ approvals: string }[]>(sql`
    SELECT coalesce(json_agg(a ORDER BY a.created_at ${direction}, a.id ${direction}), '[]'::json)::text AS approvals
    FROM (SELECT * FROM approvals AS a WHERE ${join(where, " AND ")} ORDER BY a.created_at ${direction}, a.id ${direction} ${limit}) AS a`);
  return parseJson<JsonRow[]>(rows[0]?.approvals ?? "[]").map(approvalFromRow);
}
