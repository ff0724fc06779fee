// (e) Memory: RSS (VmRSS) of the web process, and of each worker in queue mode, before and after
// 10,000 two-step runs (started by the same 32 clients as the throughput figure; starting stops
// after BENCH_SCALE_RSS_MAX_S, 60 s, so a slow mode reports fewer runs). Each reading follows a
// short settle and a full GC in every process (SIGUSR2, bench/scale/gc-on-signal.cjs): without
// it the figure mostly said when V8 last collected (±100 MB between two readings of an idle
// embedded server), not what 10,000 runs left behind. Measured last, on a warm process. Beside
// RSS, the V8 heap (used/total, from each process's Prometheus /metrics) tells retained objects
// (heap used) from a heap V8 grew and has not given back (heap total, RSS).
import { round } from "../stats";
import { runBatch } from "./load";
import type { Deployment } from "./modes";
import type { RestClient } from "./rest";

export const MEMORY_RUNS = Number(process.env.BENCH_SCALE_RSS_RUNS ?? 10_000);
/** Starting stops after this many seconds even if fewer runs were started (0 = no limit). */
const START_WINDOW_S = Number(process.env.BENCH_SCALE_RSS_MAX_S ?? 60);
const SETTLE_MS = 5_000;

const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

type Heap = { used_mb: number; total_mb: number } | null;

/** nodejs_heap_size_{used,total}_bytes of one process; null when its /metrics does not answer. */
async function heapOf(metricsUrl: string): Promise<Heap> {
  try {
    const res = await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) return null;
    const text = await res.text();
    const mb = (name: string) => round(Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, "m").exec(text)?.[1]) / 2 ** 20);
    return { used_mb: mb("nodejs_heap_size_used_bytes"), total_mb: mb("nodejs_heap_size_total_bytes") };
  } catch {
    return null;
  }
}

async function reading(deployment: Deployment) {
  await deployment.collectGarbage();
  const rss = deployment.rss();
  const heaps = await Promise.all(deployment.metricsUrls.map(heapOf));
  return { rss, heaps };
}

export async function measureMemory(rest: RestClient, deployment: Deployment, segmentId: string, clients: number) {
  await settle();
  const before = await reading(deployment);
  const batch = await runBatch(rest, segmentId, {
    runs: MEMORY_RUNS,
    clients,
    timeoutMs: 900_000,
    startWindowMs: START_WINDOW_S > 0 ? START_WINDOW_S * 1000 : Infinity,
  });
  await settle();
  const after = await reading(deployment);
  const growth = after.rss.web - before.rss.web;
  return {
    runs: batch.runs,
    runs_per_s: batch.runs_per_s,
    web_before_mb: before.rss.web,
    web_after_mb: after.rss.web,
    web_growth_mb: round(growth),
    /** Only informative when fewer runs were started than asked: the growth scaled linearly. */
    web_growth_mb_per_10k_runs: round((growth * 10_000) / batch.runs),
    web_heap_before: before.heaps[0] ?? null,
    web_heap_after: after.heaps[0] ?? null,
    workers_before_mb: before.rss.workers,
    workers_after_mb: after.rss.workers,
    workers_growth_mb: after.rss.workers.map((mb, i) => round(mb - (before.rss.workers[i] ?? NaN))),
    workers_heap_before: before.heaps.slice(1),
    workers_heap_after: after.heaps.slice(1),
  };
}
