// Load over REST: N runs of a segment started by concurrent clients (each loops start → start,
// not waiting for its runs), then polled until none is pending or running. The figure is
// COMPLETED runs per second: N / (first start sent → all N seen finished), after checking that
// every one of them completed. Each batch uses its own segment, so the counts are its own.
// With `startWindowMs`, clients stop starting new runs after that long (N is then how many
// were started), which keeps a slow mode within the suite's time budget.
import { round, summarize } from "../stats";
import type { RestClient } from "./rest";

export type BatchResult = {
  runs: number;
  clients: number;
  wall_ms: number;
  runs_per_s: number;
  /** Time for the POST that starts a run to answer 202. */
  start_request_ms: ReturnType<typeof summarize>;
  /** When the last start answered (ms after the first was sent). */
  all_started_ms: number;
};

const UNFINISHED = ["pending", "running"];

async function unfinished(rest: RestClient, segmentId: string): Promise<boolean> {
  const pages = await Promise.all(UNFINISHED.map((status) => rest.listRuns({ segment_id: segmentId, status, limit: 1 })));
  return pages.some((p) => p.items.length > 0);
}

export type BatchOptions = { runs: number; clients: number; timeoutMs: number; startWindowMs?: number };

export async function runBatch(rest: RestClient, segmentId: string, options: BatchOptions): Promise<BatchResult> {
  const { clients, timeoutMs, startWindowMs = Infinity } = options;
  const startLatencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < options.runs && performance.now() - t0 < startWindowMs) {
        next++;
        const s = performance.now();
        await rest.startRun(segmentId, {});
        startLatencies.push(performance.now() - s);
      }
    }),
  );
  const allStarted = performance.now() - t0;
  const runs = next;
  while (await unfinished(rest, segmentId)) {
    if (performance.now() - t0 > timeoutMs) {
      const running = await rest.countRuns(segmentId, "running");
      throw new Error(`${segmentId}: ${running} of ${runs} runs still running after ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const wall = performance.now() - t0;
  // More than started only if a start retried after a connection failure had reached the
  // server the first time (RestClient.retries): those runs completed too and count.
  const completed = await rest.countRuns(segmentId, "completed");
  if (completed < runs) {
    const failed = await rest.listRuns({ segment_id: segmentId, status: "failed", limit: 1 });
    const example = failed.items[0] ? JSON.stringify((await rest.getRun(failed.items[0].run_id)).error) : "none failed";
    throw new Error(`${segmentId}: ${completed} of ${runs} runs completed (a failed one: ${example})`);
  }
  return {
    runs: completed,
    clients,
    wall_ms: Math.round(wall),
    runs_per_s: round(completed / (wall / 1000)),
    start_request_ms: summarize(startLatencies),
    all_started_ms: Math.round(allStarted),
  };
}

/** Starts a run of `segmentId` every `everyMs` until stopped (a light background load). */
export function backgroundLoad(rest: RestClient, segmentId: string, everyMs: number): { stop(): Promise<number> } {
  let started = 0;
  let failure: unknown;
  const inFlight = new Set<Promise<unknown>>();
  const timer = setInterval(() => {
    const p = rest.startRun(segmentId, {}).then(
      () => started++,
      (err: unknown) => (failure ??= err),
    );
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, everyMs);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(inFlight);
      if (failure) throw failure;
      return started;
    },
  };
}
