import type { RunPage, RunStatus } from "../../shared/resources/run-resource";
import type { ServiceContext } from "./context";

export async function listRuns(
  ctx: ServiceContext,
  input: { segment_id?: string | undefined; status?: RunStatus | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<RunPage> {
  return ctx.repos.runs.list({
    ...(input.segment_id ? { segmentId: input.segment_id } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.cursor ? { cursor: input.cursor } : {}),
    limit: Math.min(Math.max(input.limit ?? 50, 1), 200),
  });
}
