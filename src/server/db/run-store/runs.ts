// Run-level writes and scans outside an advance: createRun (with rerunFrom's reused step rows,
// one statement), requestControl (a poke with a control request) and findRunsToWake.
import type { RunClaim, RunControl, RunRecord, RunState, RunToWake } from "../../../engine";
import { RUN_STATUSES } from "../../../shared/resources/run-resource";
import type { PrismaClient } from "../generated/client";
import { recordsParam } from "./records";
import { insertRunsSql, join, pokeRunSql, runNamed, sql, upsertStepsSql, type RawQuery } from "./sql";

const UNFINISHED = RUN_STATUSES.filter((status) => status !== "completed" && status !== "failed" && status !== "cancelled");

export async function createRun(raw: RawQuery, run: RunRecord, steps: RunState["steps"] = {}, claim?: RunClaim): Promise<void> {
  const rows = Object.values(steps);
  const insertRun = insertRunsSql(recordsParam([run]), claim ?? null);
  if (rows.length === 0) {
    await runNamed(raw, "run_store_create_run", insertRun);
    return;
  }
  await runNamed(
    raw,
    "run_store_create_run_with_steps",
    sql`
      WITH created AS (${insertRun} RETURNING id)
      ${upsertStepsSql(run.run_id, recordsParam(rows), sql`EXISTS (SELECT 1 FROM created)`)}`,
  );
}

/** Pokes the run and records the request (a pending cancel is never replaced); false if finished or unknown. */
export async function requestControl(prisma: PrismaClient, runId: string, control: RunControl): Promise<boolean> {
  return (await prisma.$executeRaw(pokeRunSql(runId, control))) > 0;
}

/**
 * Unfinished runs that need an advance: pending/running, poked or with a control request (now,
 * or just after a live lease ends), and runs parked with a wake-up time. Uses the
 * (status, wake_at) index: finished runs, the vast majority, are never scanned.
 */
export async function findRunsToWake(prisma: PrismaClient, now: string): Promise<RunToWake[]> {
  const rows = await prisma.$queryRaw<{ run_id: string; wake_at: Date | string | null }[]>(sql`
    SELECT id AS run_id,
      CASE WHEN status IN ('pending', 'running') OR poked OR control IS NOT NULL
        THEN CASE WHEN lease_token IS NOT NULL AND lease_expires_at > ${now}::timestamptz
                  THEN lease_expires_at + interval '1 millisecond' END
        ELSE wake_at END AS wake_at
    FROM runs
    WHERE status IN (${join(UNFINISHED)})
      AND (status IN ('pending', 'running') OR poked OR control IS NOT NULL OR wake_at IS NOT NULL)
    ORDER BY id`);
  return rows.map((row) => ({ run_id: row.run_id, wake_at: row.wake_at === null ? null : new Date(row.wake_at).toISOString() }));
}
