// SQL building blocks of the run store outside commit (createRun, requestControl). Values only
// ever travel as parameters of Prisma's tagged templates: rows as one jsonb parameter per table
// (see ./records.ts). RunStore.commit itself is the SQL function `run_store_commit`
// (prisma/migrations/*_run_store_functions), which repeats these inserts for its batches:
// keep both in step (the RunStore contract tests cover both paths).
import { Prisma } from "../generated/client";

export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;

/**
 * Runs one parameterized statement on the driver itself, skipping Prisma's query engine. The
 * statements of every advance (claim, load, commit, release) go this way: through Prisma each
 * costs about twice the bare driver round trip, and on PostgreSQL a named statement is parsed
 * and planned once per pooled connection instead of on every call (docs/performance.md).
 */
export type RawQuery = <T>(statement: { text: string; values: unknown[]; name: string }) => Promise<T[]>;

/** `statement` as the named statement `name` (one name per SQL text: the driver caches by name). */
export function runNamed<T>(raw: RawQuery, name: string, statement: Sql): Promise<T[]> {
  return raw<T>({ text: statement.text, values: statement.values, name });
}

/**
 * Inserts runs (as given, normally pending) with the poke mark set: a new run needs an advance.
 * With a claim (owner, token, until: all NULL for none), the runs are created leased to it and
 * not poked (RunStore.createRun). The parameters are always there, so the SQL keeps one shape.
 */
export function insertRunsSql(runs: string, claim: { owner: string; token: string; until: string } | null = null): Sql {
  return Prisma.sql`
    INSERT INTO runs (id, root_run_id, parent_run_id, parent_step_id, segment_id, revision, status,
      input, output, error, correlation_id, created_by, input_tokens, output_tokens, cost, control,
      wake_at, deadline_at, rerun_of_run_id, rerun_from_step, poked, lease_owner, lease_token, lease_expires_at, heartbeat_at,
      created_at, started_at, finished_at, updated_at)
    SELECT v.run_id, v.root_run_id, v.parent_run_id, v.parent_step_id, v.segment_id, v.revision,
      coalesce(v.status, 'pending'), v.input, v.output, v.error, v.correlation_id, v.created_by,
      coalesce(v.input_tokens, 0), coalesce(v.output_tokens, 0), coalesce(v.cost, 0), v.control, v.wake_at,
      v.deadline_at, v.rerun_of->>'run_id', v.rerun_of->>'step_id', ${claim?.token ?? null}::text IS NULL, ${claim?.owner ?? null}::text, ${claim?.token ?? null}::text,
      ${claim?.until ?? null}::timestamptz, CASE WHEN ${claim?.token ?? null}::text IS NULL THEN NULL ELSE now() END,
      coalesce(v.created_at, now()), v.started_at, v.finished_at, now()
    FROM jsonb_to_recordset(${runs}::jsonb) AS v (
      run_id text, root_run_id text, parent_run_id text, parent_step_id text, segment_id text,
      revision integer, status text, input jsonb, output jsonb, error jsonb, correlation_id text,
      created_by text, input_tokens integer, output_tokens integer, cost numeric, control text,
      wake_at timestamptz, deadline_at timestamptz, rerun_of jsonb, created_at timestamptz, started_at timestamptz, finished_at timestamptz)`;
}

/** Inserts or fully updates step rows by (run_id, step_id, attempt), if `guard` holds. */
export function upsertStepsSql(runId: string, steps: string, guard: Sql): Sql {
  return Prisma.sql`
    INSERT INTO step_runs (id, run_id, step_id, attempt, status, input, output, error, started_at,
      finished_at, reused, wake_at, suspended, state, children, approval_id, routes, input_tokens,
      output_tokens, cost)
    SELECT gen_random_uuid()::text, ${runId}, v.step_id, v.attempt, v.status, v.input, v.output, v.error,
      v.started_at, v.finished_at, coalesce(v.reused, FALSE), v.wake_at, coalesce(v.suspended, FALSE),
      v.state, coalesce(v.children, '[]'::jsonb), v.approval_id, v.routes, coalesce(v.input_tokens, 0),
      coalesce(v.output_tokens, 0), coalesce(v.cost, 0)
    FROM jsonb_to_recordset(${steps}::jsonb) AS v (
      step_id text, attempt integer, status text, input jsonb, output jsonb, error jsonb,
      started_at timestamptz, finished_at timestamptz, reused boolean, wake_at timestamptz,
      suspended boolean, state jsonb, children jsonb, approval_id text, routes jsonb,
      input_tokens integer, output_tokens integer, cost numeric)
    WHERE ${guard}
    ON CONFLICT (run_id, step_id, attempt) DO UPDATE SET
      status = EXCLUDED.status, input = EXCLUDED.input, output = EXCLUDED.output, error = EXCLUDED.error,
      started_at = EXCLUDED.started_at, finished_at = EXCLUDED.finished_at, reused = EXCLUDED.reused,
      wake_at = EXCLUDED.wake_at, suspended = EXCLUDED.suspended, state = EXCLUDED.state,
      children = EXCLUDED.children, approval_id = EXCLUDED.approval_id, routes = EXCLUDED.routes,
      input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens, cost = EXCLUDED.cost`;
}

/**
 * Pokes one run: sets the poke mark and the control request (a pending cancel is never
 * replaced), unless the run is finished.
 */
export function pokeRunSql(runId: string, control: string | null): Sql {
  return Prisma.sql`
    UPDATE runs SET
      poked = TRUE,
      control = CASE WHEN ${control}::text IS NOT NULL AND control IS DISTINCT FROM 'cancel' THEN ${control}::text ELSE control END,
      updated_at = now()
    WHERE id = ${runId} AND status NOT IN ('completed', 'failed', 'cancelled')`;
}
