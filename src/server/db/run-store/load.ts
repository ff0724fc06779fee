// Reads of a run: RunStore.load in ONE query (the run, the latest attempt per step via
// DISTINCT ON over the (run_id, step_id, attempt) index, its approvals, its child runs), and getRun.
import type { ChildRunSummary, RunRecord, RunState, StepRecord } from "../../../engine";
import type { PrismaClient } from "../generated/client";
import { approvalFromRow, childFromRow, parseJson, runFromRow, stepFromRow, type JsonRow } from "./records";
import { sql } from "./sql";

export async function loadRun(prisma: PrismaClient, runId: string): Promise<RunState | null> {
  const rows = await prisma.$queryRaw<{ state: string }[]>(sql`
    SELECT json_build_object(
      'run', row_to_json(r),
      'steps', (SELECT coalesce(json_agg(s), '[]'::json) FROM (
         SELECT DISTINCT ON (step_id) * FROM step_runs WHERE run_id = r.id ORDER BY step_id, attempt DESC) AS s),
      'approvals', (SELECT coalesce(json_agg(a ORDER BY a.created_at, a.id), '[]'::json)
         FROM approvals AS a WHERE a.run_id = r.id),
      'children', (SELECT coalesce(json_agg(json_build_object('id', c.id, 'status', c.status, 'output', c.output,
           'error', c.error, 'input_tokens', c.input_tokens, 'output_tokens', c.output_tokens, 'cost', c.cost)), '[]'::json)
         FROM runs AS c WHERE c.parent_run_id = r.id)
    )::text AS state
    FROM runs AS r WHERE r.id = ${runId}`);
  const row = rows[0];
  if (!row) return null;
  const state = parseJson<{ run: JsonRow; steps: JsonRow[]; approvals: JsonRow[]; children: JsonRow[] }>(row.state);
  const steps: Record<string, StepRecord> = {};
  for (const stepRow of state.steps) {
    const step = stepFromRow(stepRow);
    steps[step.step_id] = step;
  }
  const children: Record<string, ChildRunSummary> = {};
  for (const childRow of state.children) {
    const child = childFromRow(childRow);
    children[child.run_id] = child;
  }
  return { run: runFromRow(state.run), steps, approvals: state.approvals.map(approvalFromRow), children };
}

export async function getRunRecord(prisma: PrismaClient, runId: string): Promise<RunRecord | null> {
  const rows = await prisma.$queryRaw<{ run: string }[]>(sql`SELECT row_to_json(r)::text AS run FROM runs AS r WHERE r.id = ${runId}`);
  const row = rows[0];
  return row ? runFromRow(parseJson<JsonRow>(row.run)) : null;
}
