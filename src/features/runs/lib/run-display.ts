import { formatDuration } from "@/components/ui/format-time";
import type { RunStatus, RunSummary } from "@/shared/resources/run-resource";

/**
 * A short, distinctive form of a run id. Run ids are UUIDv7, whose leading
 * characters are a timestamp shared by runs started close together, so the
 * short form is taken from the random end ("…3f9a2c1b").
 */
export function shortRunId(runId: string): string {
  const hex = runId.replace(/-/g, "");
  return hex.length > 8 ? hex.slice(-8) : runId;
}

/** Wall time of a run: finished − started, or so far while it is still going. */
export function runDuration(run: Pick<RunSummary, "started_at" | "finished_at">, now: number): string | null {
  if (!run.started_at) return null;
  const start = Date.parse(run.started_at);
  const end = run.finished_at ? Date.parse(run.finished_at) : now;
  return formatDuration(Math.max(0, end - start));
}

export const ACTIVE_STATUSES: ReadonlySet<RunStatus> = new Set(["pending", "running", "waiting", "paused"]);
