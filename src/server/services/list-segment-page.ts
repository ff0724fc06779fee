import type { ServiceContext } from "./context";

/** One segment in the REST list: `revision` is the latest saved one, null while it is only a draft. */
export type SegmentListItem = {
  segment_id: string;
  name: string;
  revision: number | null;
  created_at: string;
  updated_at: string;
};

export type SegmentListPage = { items: SegmentListItem[]; next_cursor: string | null };

export const SEGMENT_PAGE_DEFAULT = 50;
export const SEGMENT_PAGE_MAX = 200;

/**
 * Segments ordered by id, a page at a time: `next_cursor` (the last id of this page) fetches the
 * next one, null on the last page. Ordering by id keeps pages stable while segments are edited.
 */
export async function listSegmentPage(
  ctx: ServiceContext,
  input: { cursor?: string | undefined; limit?: number | undefined },
): Promise<SegmentListPage> {
  const limit = Math.min(Math.max(input.limit ?? SEGMENT_PAGE_DEFAULT, 1), SEGMENT_PAGE_MAX);
  const rows = await ctx.repos.segments.listById({ after: input.cursor, limit });
  const page = rows.slice(0, limit);
  return {
    items: page.map((row) => ({
      segment_id: row.segment_id,
      name: row.name,
      revision: row.latest_revision === 0 ? null : row.latest_revision,
      created_at: row.created_at,
      updated_at: row.updated_at,
    })),
    next_cursor: rows.length > limit ? (page.at(-1)?.segment_id ?? null) : null,
  };
}
