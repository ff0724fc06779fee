// createPrismaRunStore: the engine's RunStore port over the app database (PGlite or
// PostgreSQL through Prisma's driver adapters). Every method is one SQL statement (a refused
// decision may take a second look), built from parameters only: see ./commit.ts for how a
// commit maps to SQL and ./records.ts for how rows map to records. What every advance or run
// start runs (create, claim, load, commit, renew, release) goes to the driver as named
// statements (`raw`); the rest through Prisma.
import type { RunStore } from "../../../engine";
import type { PrismaClient } from "../generated/client";
import { decideApproval, getApproval, listApprovals } from "./approvals";
import { commitBatch, type RawQuery } from "./commit";
import { listEvents } from "./events";
import { claimLease, releaseLease, renewLease } from "./lease";
import { getRunRecord, loadRun } from "./load";
import { createRun, findRunsToWake, requestControl } from "./runs";

export type { RawQuery } from "./commit";

/** `raw` runs the per-step commit on the driver directly (see ./commit.ts). */
export function createPrismaRunStore(prisma: PrismaClient, raw: RawQuery): RunStore {
  return {
    createRun: (run, steps, claim) => createRun(raw, run, steps, claim),
    load: (runId) => loadRun(raw, runId),
    getRun: (runId) => getRunRecord(raw, runId),
    claim: (runId, owner, now, until) => claimLease(raw, runId, owner, now, until),
    renew: (lease, until) => renewLease(raw, lease, until),
    release: (lease) => releaseLease(raw, lease),
    commit: (lease, batch) => commitBatch(raw, lease, batch),
    requestControl: (runId, control) => requestControl(prisma, runId, control),
    decideApproval: (approvalId, decision, event) => decideApproval(raw, approvalId, decision, event),
    getApproval: (approvalId) => getApproval(raw, approvalId),
    listApprovals: (filter) => listApprovals(prisma, filter),
    listEvents: (runId, afterSeq) => listEvents(prisma, runId, afterSeq),
    findRunsToWake: (now) => findRunsToWake(prisma, now),
  };
}
