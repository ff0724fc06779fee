// The run lease: compare-and-set on the runs row. A claim succeeds when the lease is free or
// expired at `now`, hands out a fresh token (UUID), clears the poke mark and reads the run's
// state, all in the PL/pgSQL function run_store_claim (prisma/migrations/*_run_store_claim_and_state):
// one round trip per advance instead of two. Renew and release only act for the current token
// (fencing). A claim refused because the lease is held marks the run poked, and release reports
// the mark: the holder advances again, so a wake-up meant for a run busy in another process is
// taken up as soon as it is free. Every statement here is a named statement on the driver.
import type { ClaimResult, Lease, RunControl } from "../../../engine";
import { stateFromJson } from "./load";
import { runNamed, sql, type RawQuery } from "./sql";

type ClaimRow = { claimed: boolean; held_until: Date | string | null; state: string | null };

export async function claimLease(raw: RawQuery, runId: string, owner: string, now: string, until: string): Promise<ClaimResult> {
  const token = crypto.randomUUID();
  const rows = await runNamed<ClaimRow>(
    raw,
    "run_store_claim",
    sql`SELECT claimed, held_until, state FROM run_store_claim(${runId}::text, ${owner}::text, ${token}::text, ${now}::timestamptz, ${until}::timestamptz)`,
  );
  const row = rows[0];
  if (row?.claimed && row.state !== null) return { ok: true, lease: { run_id: runId, token }, state: stateFromJson(row.state) };
  const heldUntil = row?.held_until ?? null;
  return { ok: false, held_until: heldUntil === null ? null : new Date(heldUntil).toISOString() };
}

export async function renewLease(raw: RawQuery, lease: Lease, until: string): Promise<{ ok: boolean; control: RunControl | null }> {
  const rows = await runNamed<{ control: string | null }>(
    raw,
    "run_store_renew",
    sql`
      UPDATE runs SET lease_expires_at = ${until}::timestamptz, heartbeat_at = now()
      WHERE id = ${lease.run_id}::text AND lease_token = ${lease.token}::text
      RETURNING control`,
  );
  const row = rows[0];
  return row ? { ok: true, control: row.control as RunControl | null } : { ok: false, control: null };
}

export async function releaseLease(raw: RawQuery, lease: Lease): Promise<{ poked: boolean }> {
  const rows = await runNamed<{ poked: boolean }>(
    raw,
    "run_store_release",
    sql`
      UPDATE runs SET lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
      WHERE id = ${lease.run_id}::text AND lease_token = ${lease.token}::text
      RETURNING poked`,
  );
  return { poked: rows[0]?.poked === true };
}
