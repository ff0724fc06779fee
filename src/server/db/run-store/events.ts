// The event log: RunStore.listEvents (replay from a seq) over the (run_id, seq) unique index.
// Event rows do not repeat their run's root_run_id and segment_id; they come from the run.
import type { RunEvent } from "../../../engine";
import type { PrismaClient } from "../generated/client";
import { eventFromRow, parseJson, type JsonRow } from "./records";
import { sql } from "./sql";

export async function listEvents(prisma: PrismaClient, runId: string, afterSeq = 0): Promise<RunEvent[]> {
  const rows = await prisma.$queryRaw<{ root_run_id: string | null; segment_id: string; events: string }[]>(sql`
    SELECT r.root_run_id, r.segment_id,
      (SELECT coalesce(json_agg(e ORDER BY e.seq), '[]'::json) FROM run_events AS e
        WHERE e.run_id = r.id AND e.seq > ${afterSeq}::int)::text AS events
    FROM runs AS r WHERE r.id = ${runId}`);
  const row = rows[0];
  if (!row) return [];
  const run = { root_run_id: row.root_run_id, segment_id: row.segment_id };
  return parseJson<JsonRow[]>(row.events).map((event) => eventFromRow({ ...event, ...run }));
}
