// Example segments created on the first start of an empty database, so a new
// user opens the app to something real. Each is saved as revision 1 through
// the same service as any other save (and must pass the same validation).
import articleWriter from "./examples/article-writer.json";
import fetchAndSummarize from "./examples/fetch-and-summarize.json";
import supportTriage from "./examples/support-triage.json";
import type { ServiceContext } from "../services/context";
import { saveSegmentRevision } from "../services/save-segment-revision";

export const EXAMPLE_SEGMENTS: readonly unknown[] = [articleWriter, supportTriage, fetchAndSummarize];

/** Seeds only an empty database; returns the ids it created. */
export async function seedExamples(ctx: ServiceContext): Promise<string[]> {
  if ((await ctx.repos.segments.count()) > 0) return [];
  const created: string[] = [];
  for (const document of EXAMPLE_SEGMENTS) {
    const saved = await saveSegmentRevision(ctx, { document });
    created.push(saved.segment_id);
  }
  return created;
}
