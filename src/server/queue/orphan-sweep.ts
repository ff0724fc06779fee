// Nothing that must survive lives only in Redis: every few seconds, processes that run workers
// look in PostgreSQL for runs whose wake-up was lost (see repos.runs.findOrphans) and queue them
// again. Several processes sweeping at once only queue duplicate jobs, which the lease absorbs.
import type { Repositories } from "../db/repositories";
import { getLogger } from "../logging/logger";

export type OrphanSweepOptions = {
  repos: Pick<Repositories, "runs">;
  schedule: (runId: string) => void;
  everyMs?: number;
  graceMs?: number;
};

export function startOrphanSweep(options: OrphanSweepOptions): { sweep(): Promise<number>; stop(): void } {
  // A wake-up is normally taken within milliseconds: 5 s overdue means it was lost.
  const everyMs = options.everyMs ?? 5_000;
  const graceMs = options.graceMs ?? 5_000;
  let running = false;
  const sweep = async (): Promise<number> => {
    if (running) return 0;
    running = true;
    try {
      const orphans = await options.repos.runs.findOrphans(new Date(), graceMs);
      for (const runId of orphans) options.schedule(runId);
      if (orphans.length > 0) getLogger().warn({ runs: orphans.length }, "queue: runs whose wake-up was lost were queued again");
      return orphans.length;
    } catch (err) {
      getLogger().warn({ err }, "queue: the orphan sweep failed (retrying)");
      return 0;
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void sweep(), everyMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
