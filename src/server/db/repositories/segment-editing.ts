// Editing a segment: the draft under optimistic concurrency, revisions made from it and the
// revision history. Part of the segment repository (spread into segmentRepository).
//
// Every write locks the segment row first (SELECT … FOR UPDATE; the other segment writes
// start with an UPDATE of that row), so concurrent writers queue in one order and the version
// check and the writes that follow it see the same draft. The draft UPDATE still carries
// `version = expected` so a mismatch can never overwrite.
import type { Prisma, PrismaClient } from "../generated/client";
import { canonicalJson } from "../../../shared/segment/canonical-json";

type Json = Record<string, unknown>;
type Tx = Prisma.TransactionClient;

export type DraftState = { version: number; base_revision: number | null; updated_at: string };
/** The draft as stored when a write expected another version. */
export type DraftConflict = { version: number; updated_at: string; updated_by: string };

export type DraftWriteResult =
  | { status: "saved"; draft: DraftState }
  | { status: "conflict"; current: DraftConflict }
  | { status: "missing" };

export type DraftWrite = {
  id: string;
  document: Json;
  expectedVersion: number;
  by: string;
  /** Segment columns the list page shows, from the draft (omitted keys are left alone). */
  listing: { name?: string; description?: string | null };
  /** Set the draft's base revision (a restore); omitted: unchanged. */
  baseRevision?: number;
};

export type RevisionRow = { revision: number; document: Json; created_at: string; created_by: string | null };

async function lockSegment(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM segments WHERE id = ${id} FOR UPDATE`;
  return rows.length > 0;
}

const draftState = (row: { version: number; baseRevision: number | null; updatedAt: Date }): DraftState => ({
  version: row.version,
  base_revision: row.baseRevision,
  updated_at: row.updatedAt.toISOString(),
});

/** Writes the draft if it is at `expectedVersion` (or creates it if the segment has none). */
async function writeDraft(tx: Tx, input: DraftWrite): Promise<DraftWriteResult> {
  if (!(await lockSegment(tx, input.id))) return { status: "missing" };
  const data = {
    document: input.document as object,
    updatedBy: input.by,
    ...(input.baseRevision === undefined ? {} : { baseRevision: input.baseRevision }),
  };
  const updated = await tx.segmentDraft.updateMany({
    where: { segmentId: input.id, version: input.expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) {
    const current = await tx.segmentDraft.findUnique({ where: { segmentId: input.id } });
    if (current) {
      return {
        status: "conflict",
        current: { version: current.version, updated_at: current.updatedAt.toISOString(), updated_by: current.updatedBy },
      };
    }
    // A segment without a draft (never opened since its revisions were imported): nothing
    // to overwrite, so the write creates it.
    await tx.segmentDraft.create({ data: { segmentId: input.id, ...data } });
  }
  await tx.segment.update({ where: { id: input.id }, data: { ...input.listing, updatedAt: new Date() } });
  const draft = await tx.segmentDraft.findUniqueOrThrow({ where: { segmentId: input.id } });
  return { status: "saved", draft: draftState(draft) };
}

export function segmentEditingMethods(prisma: PrismaClient) {
  return {
    /** The draft write of autosave and restore: see DraftWrite. */
    async saveDraft(input: DraftWrite): Promise<DraftWriteResult> {
      return prisma.$transaction((tx) => writeDraft(tx, input));
    },

    /**
     * Writes the draft, then makes `revisionDocument` (the validated contract JSON) the next
     * revision and the draft's base, in one transaction. A document identical to the latest
     * revision (key order aside) makes no new revision: `created` is false and that
     * revision is returned.
     */
    async saveDraftAsRevision(
      input: Omit<DraftWrite, "baseRevision"> & { revisionDocument: Json },
    ): Promise<{ status: "saved"; draft: DraftState; revision: number; created: boolean } | Exclude<DraftWriteResult, { status: "saved" }>> {
      return prisma.$transaction(async (tx) => {
        const written = await writeDraft(tx, input);
        if (written.status !== "saved") return written;
        const latest = await tx.segmentRevision.findFirst({
          where: { segmentId: input.id },
          orderBy: { revision: "desc" },
          select: { revision: true, document: true },
        });
        let revision: number;
        let created = false;
        if (latest && canonicalJson(latest.document) === canonicalJson(input.revisionDocument)) {
          revision = latest.revision;
        } else {
          const segment = await tx.segment.update({
            where: { id: input.id },
            data: { latestRevision: { increment: 1 } },
            select: { latestRevision: true },
          });
          revision = segment.latestRevision;
          await tx.segmentRevision.create({
            data: { segmentId: input.id, revision, document: input.revisionDocument as object, createdBy: input.by },
          });
          created = true;
        }
        const draft = await tx.segmentDraft.update({
          where: { segmentId: input.id },
          data: { baseRevision: revision },
          select: { version: true, baseRevision: true, updatedAt: true },
        });
        return { status: "saved" as const, draft: draftState(draft), revision, created };
      });
    },

    /** The newest `limit` revisions (older than `before` when given), newest first, documents included. */
    async listRevisions(id: string, limit: number, before?: number): Promise<RevisionRow[]> {
      const rows = await prisma.segmentRevision.findMany({
        where: { segmentId: id, ...(before === undefined ? {} : { revision: { lt: before } }) },
        orderBy: { revision: "desc" },
        take: limit,
        select: { revision: true, document: true, createdAt: true, createdBy: true },
      });
      return rows.map(toRevisionRow);
    },

    async revisionDetail(id: string, revision: number): Promise<RevisionRow | null> {
      const row = await prisma.segmentRevision.findUnique({
        where: { segmentId_revision: { segmentId: id, revision } },
        select: { revision: true, document: true, createdAt: true, createdBy: true },
      });
      return row ? toRevisionRow(row) : null;
    },
  };
}

function toRevisionRow(row: { revision: number; document: unknown; createdAt: Date; createdBy: string }): RevisionRow {
  return {
    revision: row.revision,
    document: row.document as Json,
    created_at: row.createdAt.toISOString(),
    created_by: row.createdBy || null,
  };
}
