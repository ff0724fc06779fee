// The run lease: compare-and-set on the runs row. A claim succeeds when the lease is free or
// expired at `now`, hands out a fresh token (UUID) and clears the poke mark in the same UPDATE;
// renew and release only act for the current token (fencing). A claim refused because the lease
// is held marks the run poked, and release reports the mark: the holder advances again, so a
// wake-up meant for a run busy in another process is taken up as soon as it is free.
import type { ClaimResult, Lease, RunControl } from "../../../engine";
import type { PrismaClient } from "../generated/client";
import { sql } from "./sql";

export async function claimLease(prisma: PrismaClient, runId: string, owner: string, now: string, until: string): Promise<ClaimResult> {
  const token = crypto.randomUUID();
  for (let round = 0; round < 3; round++) {
    const rows = await prisma.$queryRaw<{ claimed: number; held_until: Date | string | null }[]>(sql`
      WITH claimed AS (
        UPDATE runs SET lease_owner = ${owner}, lease_token = ${token}, lease_expires_at = ${until}::timestamptz,
          heartbeat_at = ${now}::timestamptz, poked = FALSE
        WHERE id = ${runId}
          AND (lease_token IS NULL OR lease_expires_at IS NULL OR lease_expires_at <= ${now}::timestamptz)
        RETURNING id)
      SELECT (SELECT count(*) FROM claimed)::int AS claimed,
        CASE WHEN lease_token IS NOT NULL AND lease_expires_at > ${now}::timestamptz THEN lease_expires_at END AS held_until
      FROM runs WHERE id = ${runId}`);
    const row = rows[0];
    if (!row) return { ok: false, held_until: null };
    if (row.claimed > 0) return { ok: true, lease: { run_id: runId, token } };
    if (row.held_until !== null) {
      const marked = await prisma.$queryRaw<{ held_until: Date | string }[]>(sql`
        UPDATE runs SET poked = TRUE
        WHERE id = ${runId} AND lease_token IS NOT NULL AND lease_expires_at > ${now}::timestamptz
        RETURNING lease_expires_at AS held_until`);
      if (marked[0]) return { ok: false, held_until: new Date(marked[0].held_until).toISOString() };
      // Released between the two statements: the holder did not see the mark, so claim again.
      continue;
    }
    // The statement's snapshot saw a free lease that a concurrent claim took first (PostgreSQL
    // re-checked the row after waiting for its lock): look again with a fresh snapshot.
  }
  return { ok: false, held_until: now };
}

export async function renewLease(prisma: PrismaClient, lease: Lease, until: string): Promise<{ ok: boolean; control: RunControl | null }> {
  const rows = await prisma.$queryRaw<{ control: string | null }[]>(sql`
    UPDATE runs SET lease_expires_at = ${until}::timestamptz, heartbeat_at = now()
    WHERE id = ${lease.run_id} AND lease_token = ${lease.token}
    RETURNING control`);
  const row = rows[0];
  return row ? { ok: true, control: row.control as RunControl | null } : { ok: false, control: null };
}

export async function releaseLease(prisma: PrismaClient, lease: Lease): Promise<{ poked: boolean }> {
  const rows = await prisma.$queryRaw<{ poked: boolean }[]>(sql`
    UPDATE runs SET lease_owner = NULL, lease_token = NULL, lease_expires_at = NULL
    WHERE id = ${lease.run_id} AND lease_token = ${lease.token}
    RETURNING poked`);
  return { poked: rows[0]?.poked === true };
}
