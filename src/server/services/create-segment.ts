import { slugify, isValidSegmentId, CONTRACT_VERSION } from "../../shared/segment";
import { segmentNameSchema, type SegmentDetail } from "../../shared/resources/segment-resource";
import { AppError, isUniqueViolation } from "./errors";
import type { ServiceContext } from "./context";
import { getSegment } from "./get-segment";

/**
 * Creates an empty segment with its draft. Without an explicit id the slug of
 * the name is used, suffixed (-2, -3, …) until free; an explicit id that is
 * taken is a conflict.
 */
export async function createSegment(
  ctx: ServiceContext,
  input: { name: string; segment_id?: string | undefined; description?: string | undefined },
): Promise<SegmentDetail> {
  const name = segmentNameSchema.parse(input.name);
  const description = input.description?.trim() || null;
  if (input.segment_id !== undefined && !isValidSegmentId(input.segment_id)) {
    throw new AppError(
      "invalid_input",
      `"${input.segment_id}" is not a valid segment id: use lowercase letters, digits, "-" and "_", starting with a letter or digit (at most 64 characters)`,
      [{ path: "segment_id", message: "invalid segment id" }],
    );
  }
  const id = input.segment_id ?? (await freeSlug(ctx, slugify(name)));
  const draft = {
    version: CONTRACT_VERSION,
    segment_id: id,
    name,
    ...(description ? { description } : {}),
    entrypoint: "",
    steps: [],
    edges: [],
  };
  try {
    await ctx.repos.segments.create({ id, name, description, draft, by: ctx.principal.id });
  } catch (err) {
    if (isUniqueViolation(err)) {
      throw new AppError("conflict", `A segment with id "${id}" already exists`, [
        { path: "segment_id", message: "already exists" },
      ]);
    }
    throw err;
  }
  return getSegment(ctx, { segment_id: id });
}

async function freeSlug(ctx: ServiceContext, base: string): Promise<string> {
  const taken = await ctx.repos.segments.idsLike(base);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, 64 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
