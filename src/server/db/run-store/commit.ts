// RunStore.commit: ONE statement, `SELECT ... FROM run_store_commit(...)`, a PL/pgSQL function
// (latest in prisma/migrations/*_run_store_commit_plpgsql) whose statement plan stays cached per connection.
// Atomic (one statement), one round trip, and inside it:
//
//   [lock this run and the nudged runs in id order]           (only with nudges: no deadlocks)
//   UPDATE runs SET next_seq = next_seq + n, <patch>, control = <after patch, ack_control and
//     finishing> WHERE id = $run AND lease_token = $token
//     → no row: return nothing (→ LeaseLostError here), nothing was written
//   INSERT INTO step_runs ... ON CONFLICT (run_id, step_id, attempt) DO UPDATE
//   INSERT INTO run_events ... seq = first_seq + ordinal - 1  (numbered under the row lock: gap-free)
//   INSERT INTO approvals ... ON CONFLICT (id) DO UPDATE ... WHERE status = 'pending'
//   INSERT INTO runs (child runs);  UPDATE runs SET poked, control (nudges)
//   with `release` (the advance's last commit), the lease UPDATE also frees the lease and the
//   row reports the poke mark, as RunStore.release does
//
// Each list travels as one jsonb parameter (NULL when empty), so the SQL never changes shape.
import { LeaseLostError, type CommitBatch, type CommitResult, type Lease, type RunControl, type RunEvent, type RunPatch } from "../../../engine";
import { planCommit, type CommitPlan } from "./commit-plan";
import { jsonbText, recordsParam } from "./records";
import { sql, type RawQuery, type Sql } from "./sql";

export type { RawQuery } from "./sql";

/** A list as a jsonb parameter, or NULL when empty (the function skips that part). */
const listParam = (items: readonly object[]): string | null => (items.length > 0 ? recordsParam(items) : null);

/**
 * The RunPatch fields run_store_commit applies. A field added to RunPatch fails to compile here
 * until the function (a new migration) handles it.
 */
const PATCH_FIELDS = {
  status: true,
  output: true,
  error: true,
  input_tokens: true,
  output_tokens: true,
  cost: true,
  control: true,
  wake_at: true,
  started_at: true,
  finished_at: true,
} as const satisfies Record<keyof RunPatch, true>;

/**
 * The patch as one jsonb object: a key present (even with null) sets the column, an absent one
 * keeps it. Plus `ack_control` and `poke` (a nudge of the committing run itself).
 */
function patchParam(plan: CommitPlan): string {
  const patch: Record<string, unknown> = {};
  for (const field of Object.keys(PATCH_FIELDS) as (keyof RunPatch)[]) {
    if (plan.run[field] !== undefined) patch[field] = plan.run[field];
  }
  if (plan.ackControl !== null) patch.ack_control = plan.ackControl;
  if (plan.selfPoke) patch.poke = plan.selfPoke.control;
  if (plan.release) patch.release = true;
  return jsonbText(patch);
}

export function commitSql(lease: Lease, plan: CommitPlan): Sql {
  return sql`
    SELECT first_seq, run_control, run_poked FROM run_store_commit(${lease.run_id}::text, ${lease.token}::text, ${patchParam(plan)}::jsonb,
      ${listParam(plan.steps)}::jsonb, ${listParam(plan.events)}::jsonb, ${listParam(plan.approvals)}::jsonb,
      ${listParam(plan.newRuns)}::jsonb, ${listParam(plan.pokes)}::jsonb)`;
}

type CommitRow = { first_seq: number | string | bigint; run_control: string | null; run_poked: boolean };

export async function commitBatch(raw: RawQuery, lease: Lease, batch: CommitBatch): Promise<CommitResult> {
  const plan = planCommit(lease.run_id, batch);
  const statement = commitSql(lease, plan);
  const rows = await raw<CommitRow>({ text: statement.text, values: statement.values, name: "run_store_commit" });
  const row = rows[0];
  if (!row) throw new LeaseLostError(lease.run_id);
  const first = Number(row.first_seq);
  const events = plan.events.map((event, i) => ({ ...event, seq: first + i }) as RunEvent);
  const control = row.run_control as RunControl | null;
  return plan.release ? { events, control, poked: row.run_poked === true } : { events, control };
}
