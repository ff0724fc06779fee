import type { ServiceContext } from "./context";

/** Deletes finished runs older than the retention period (with their events); returns how many. */
export async function pruneRuns(ctx: Pick<ServiceContext, "repos">, input: { now: Date; retentionDays: number }): Promise<number> {
  const cutoff = new Date(input.now.getTime() - input.retentionDays * 24 * 3600 * 1000);
  return ctx.repos.runs.pruneFinishedBefore(cutoff);
}
