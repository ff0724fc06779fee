// Idempotency keys of run starts (POST /api/v1/segments/{id}/runs): a key is reserved with the
// request's hash before the run starts, so two concurrent requests with one key start one run
// (the primary key decides, not a read-then-write check), then filled in with the run's id.
import type { PrismaClient } from "../generated/client";

export type IdempotencyScope = { principalId: string; segmentId: string; key: string };
export type IdempotencyRecord = { requestHash: string; runId: string | null; createdAt: Date };

export function idempotencyKeyRepository(prisma: PrismaClient) {
  const where = (scope: IdempotencyScope) => ({ principalId_segmentId_key: { principalId: scope.principalId, segmentId: scope.segmentId, key: scope.key } });
  return {
    /** Reserves the key; false when it is already taken (by a key not older than `validAfter`). */
    async reserve(scope: IdempotencyScope, requestHash: string, validAfter: Date): Promise<boolean> {
      // An expired key is free again: drop it (and any other expired keys) first.
      await prisma.runIdempotencyKey.deleteMany({ where: { createdAt: { lt: validAfter } } });
      const inserted = await prisma.$executeRaw`
        INSERT INTO run_idempotency_keys (principal_id, segment_id, key, request_hash)
        VALUES (${scope.principalId}, ${scope.segmentId}, ${scope.key}, ${requestHash})
        ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },

    async find(scope: IdempotencyScope): Promise<IdempotencyRecord | null> {
      const row = await prisma.runIdempotencyKey.findUnique({ where: where(scope) });
      return row ? { requestHash: row.requestHash, runId: row.runId, createdAt: row.createdAt } : null;
    },

    async complete(scope: IdempotencyScope, runId: string): Promise<void> {
      await prisma.runIdempotencyKey.update({ where: where(scope), data: { runId } });
    },

    /** The start failed: free the key, so nothing half-written stays behind. */
    async release(scope: IdempotencyScope): Promise<void> {
      await prisma.runIdempotencyKey.deleteMany({ where: { ...scope, runId: null } });
    },
  };
}
