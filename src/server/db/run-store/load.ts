// Reads of a run: RunStore.load in ONE call of the PL/pgSQL function run_store_state
// (prisma/migrations/*_run_store_claim_and_state: the run, the latest attempt per step, its
// approvals, its child runs, as JSON text; also what a successful claim returns), and getRun.
import type { ChildRunSummary, RunRecord, RunState, StepRecord } from "../../../engine";
import { approvalFromRow, childFromRow, parseJson, runFromRow, stepFromRow, type JsonRow } from "./records";
import { runNamed, sql, type RawQuery } from "./sql";

/** The JSON text of run_store_state as a RunState. */
export function stateFromJson(text: string): RunState {
  const state = parseJson<{ run: JsonRow; steps: JsonRow[]; approvals: JsonRow[]; children: JsonRow[] }>(text);
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

export async function loadRun(raw: RawQuery, runId: string): Promise<RunState | null> {
  const rows = await runNamed<{ state: string | null }>(raw, "run_store_state", sql`SELECT run_store_state(${runId}::text) AS state`);
  const text = rows[0]?.state;
  return text ? stateFromJson(text) : null;
}

export async function getRunRecord(raw: RawQuery, runId: string): Promise<RunRecord | null> {
  const rows = await runNamed<{ run: string }>(raw, "run_store_get_run", sql`SELECT row_to_json(r)::text AS run FROM runs AS r WHERE r.id = ${runId}::text`);
  const row = rows[0];
  return row ? runFromRow(parseJson<JsonRow>(row.run)) : null;
}
