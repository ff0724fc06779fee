// Keeps the run log bounded: prunes finished runs past LLMTEAM_RUN_RETENTION_DAYS
// at startup and then every hour. A failure is logged and retried next hour.
import type { Repositories } from "../db/repositories";
import { pruneRuns } from "../services/prune-runs";
import { getLogger } from "../logging/logger";

const HOUR_MS = 3600 * 1000;

export function startRetention(repos: Repositories, retentionDays: number): () => void {
  const prune = async () => {
    try {
      const deleted = await pruneRuns({ repos }, { now: new Date(), retentionDays });
      if (deleted > 0) getLogger().info({ deleted, retention_days: retentionDays }, `Retention: deleted ${deleted} run(s) finished more than ${retentionDays} day(s) ago`);
    } catch (err) {
      getLogger().error({ err }, "retention: pruning runs failed");
    }
  };
  void prune();
  const timer = setInterval(() => void prune(), HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
