// Segment persistence: segments, their immutable revisions and their draft.
// The only place that knows how segments are laid out in the database.
import type { PrismaClient } from "../generated/client";
import type { SegmentDetail, SegmentSummary } from "../../../shared/resources/segment-resource";
import { segmentEditingMethods } from "./segment-editing";

type Json = Record<string, unknown>;

const summarySelect = {
  id: true,
  name: true,
  description: true,
  latestRevision: true,
  createdAt: true,
  updatedAt: true,
  draft: { select: { document: true } },
  revisions: { select: { document: true }, orderBy: { revision: "desc" as const }, take: 1 },
  _count: { select: { runs: true } },
};

type SummaryRow = {
  id: string;
  name: string;
  description: string | null;
  latestRevision: number;
  createdAt: Date;
  updatedAt: Date;
  draft: { document: unknown } | null;
  revisions: { document: unknown }[];
  _count: { runs: number };
};

type ListRow = {
  id: string;
  name: string;
  description: string | null;
  latest_revision: number;
  created_at: Date | string;
  updated_at: Date | string;
  step_count: number;
  run_count: number;
};

function stepCount(document: unknown): number {
  const steps = (document as { steps?: unknown } | null)?.steps;
  return Array.isArray(steps) ? steps.length : 0;
}

function toSummary(row: SummaryRow): SegmentSummary {
  return {
    segment_id: row.id,
    name: row.name,
    description: row.description,
    latest_revision: row.latestRevision,
    step_count: stepCount(row.draft?.document ?? row.revisions[0]?.document ?? null),
    run_count: row._count.runs,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export function segmentRepository(prisma: PrismaClient) {
  return {
    // Drafts under optimistic concurrency, revisions from drafts, history.
    ...segmentEditingMethods(prisma),

    /**
     * Newest first. Step counts are computed in SQL so the list never loads
     * the (possibly large) segment documents.
     */
    async list(): Promise<SegmentSummary[]> {
      const rows = await prisma.$queryRaw<ListRow[]>`
        SELECT s.id, s.name, s.description, s.latest_revision, s.created_at, s.updated_at,
          COALESCE(
            CASE WHEN json_typeof(d.document->'steps') = 'array' THEN json_array_length(d.document->'steps') END,
            CASE WHEN json_typeof(r.document->'steps') = 'array' THEN json_array_length(r.document->'steps') END,
            0)::int AS step_count,
          (SELECT count(*)::int FROM runs x WHERE x.segment_id = s.id) AS run_count
        FROM segments s
        LEFT JOIN segment_drafts d ON d.segment_id = s.id
        LEFT JOIN segment_revisions r ON r.segment_id = s.id AND r.revision = s.latest_revision
        ORDER BY s.updated_at DESC, s.id`;
      return rows.map((r) => ({
        segment_id: r.id,
        name: r.name,
        description: r.description,
        latest_revision: r.latest_revision,
        step_count: r.step_count,
        run_count: r.run_count,
        created_at: new Date(r.created_at).toISOString(),
        updated_at: new Date(r.updated_at).toISOString(),
      }));
    },

    /** The latest saved revision number (0: only a draft), or null for an unknown segment: one indexed row, for run starts. */
    async latestRevision(id: string): Promise<number | null> {
      const row = await prisma.segment.findUnique({ where: { id }, select: { latestRevision: true } });
      return row ? row.latestRevision : null;
    },
    async exists(id: string): Promise<boolean> {
      return (await prisma.segment.count({ where: { id } })) > 0;
    },

    /**
     * A page of segments by id (stable under edits, unlike "recently updated"), after the id
     * `after` when given; one row more than `limit` tells the caller another page exists.
     */
    async listById(input: { after?: string | undefined; limit: number }) {
      const rows = await prisma.segment.findMany({
        where: input.after === undefined ? {} : { id: { gt: input.after } },
        orderBy: { id: "asc" },
        take: input.limit + 1,
        select: { id: true, name: true, latestRevision: true, createdAt: true, updatedAt: true },
      });
      return rows.map((r) => ({
        segment_id: r.id,
        name: r.name,
        latest_revision: r.latestRevision,
        created_at: r.createdAt.toISOString(),
        updated_at: r.updatedAt.toISOString(),
      }));
    },

    /** Ids equal to `base` or starting with `base-`, to pick a free slug. */
    async idsLike(base: string): Promise<Set<string>> {
      const rows = await prisma.segment.findMany({
        where: { OR: [{ id: base }, { id: { startsWith: `${base}-` } }] },
        select: { id: true },
      });
      return new Set(rows.map((r) => r.id));
    },

    async get(id: string): Promise<SegmentDetail | null> {
      const row = await prisma.segment.findUnique({
        where: { id },
        select: {
          ...summarySelect,
          draft: { select: { document: true, version: true, baseRevision: true, updatedAt: true } },
        },
      });
      if (!row) return null;
      return {
        ...toSummary(row),
        draft: row.draft
          ? {
              document: row.draft.document as Json,
              version: row.draft.version,
              base_revision: row.draft.baseRevision,
              updated_at: row.draft.updatedAt.toISOString(),
            }
          : null,
        revision_document: (row.revisions[0]?.document as Json | undefined) ?? null,
      };
    },

    /** A saved revision (the latest when `revision` is omitted) with its number; null if unknown. */
    async findRevision(id: string, revision?: number): Promise<{ revision: number; document: Json } | null> {
      const row = await prisma.segmentRevision.findFirst({
        where: { segmentId: id, ...(revision === undefined ? {} : { revision }) },
        orderBy: { revision: "desc" },
        select: { revision: true, document: true },
      });
      return row ? { revision: row.revision, document: row.document as Json } : null;
    },

    async getRevision(id: string, revision: number): Promise<Json | null> {
      const row = await prisma.segmentRevision.findUnique({
        where: { segmentId_revision: { segmentId: id, revision } },
        select: { document: true },
      });
      return (row?.document as Json | undefined) ?? null;
    },

    /** Creates a segment with its draft; throws Prisma P2002 if the id is taken. */
    async create(input: { id: string; name: string; description: string | null; draft: Json; by: string }) {
      await prisma.segment.create({
        data: {
          id: input.id,
          name: input.name,
          description: input.description,
          draft: { create: { document: input.draft as object, updatedBy: input.by } },
        },
      });
    },

    /** Renames the segment and its draft together; false when it does not exist. */
    async rename(id: string, name: string, by: string): Promise<boolean> {
      return prisma.$transaction(async (tx) => {
        const updated = await tx.segment.updateMany({ where: { id }, data: { name } });
        if (updated.count === 0) return false;
        const draft = await tx.segmentDraft.findUnique({ where: { segmentId: id } });
        if (draft) {
          const document = { ...(draft.document as Json), name };
          await tx.segmentDraft.update({
            where: { segmentId: id },
            data: { document, version: { increment: 1 }, updatedBy: by },
          });
        }
        return true;
      });
    },

    /** Deletes a segment with its revisions, draft and runs; false when it does not exist. */
    async delete(id: string): Promise<boolean> {
      const deleted = await prisma.segment.deleteMany({ where: { id } });
      return deleted.count > 0;
    },

    /**
     * Saves a validated contract document as the next revision, creating the
     * segment (and its draft) when new. One transaction: the revision number is
     * taken by an atomic increment, so concurrent saves get distinct numbers.
     */
    async saveRevision(input: {
      id: string;
      name: string;
      description: string | null;
      document: Json;
      by: string;
    }): Promise<{ revision: number; created: boolean }> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.segment.findUnique({ where: { id: input.id }, select: { id: true } });
        const segment = existing
          ? await tx.segment.update({
              where: { id: input.id },
              data: { name: input.name, description: input.description, latestRevision: { increment: 1 } },
              select: { latestRevision: true },
            })
          : await tx.segment.create({
              data: { id: input.id, name: input.name, description: input.description, latestRevision: 1 },
              select: { latestRevision: true },
            });
        const revision = segment.latestRevision;
        await tx.segmentRevision.create({
          data: { segmentId: input.id, revision, document: input.document as object, createdBy: input.by },
        });
        // A segment without a draft gets one from what was saved; an existing
        // draft (unsaved editor work) is left alone.
        await tx.segmentDraft.upsert({
          where: { segmentId: input.id },
          create: {
            segmentId: input.id,
            document: input.document as object,
            baseRevision: revision,
            updatedBy: input.by,
          },
          update: {},
        });
        return { revision, created: !existing };
      });
    },

    async count(): Promise<number> {
      return prisma.segment.count();
    },
  };
}

export type SegmentRepository = ReturnType<typeof segmentRepository>;
