// Queue metrics, in whichever process runs them (web or worker): the depth of the advance queue
// by state (read from Redis at scrape time, so every process reports the same truth) and how
// long jobs waited between being due and starting, observed by the process that ran them.
import type { Queue } from "bullmq";
import { Gauge, Histogram } from "prom-client";
import { getMetrics } from "../metrics/registry";

const STATES = ["waiting", "active", "delayed", "failed", "completed", "prioritized"] as const;

export type QueueMetrics = { jobWait: Histogram<never> };

const KEY = Symbol.for("llmteam.queueMetrics");
type Holder = { [KEY]?: QueueMetrics & { depthOf: { queue: Queue | null } } };

/** Registers the queue metrics once per process; `queue` is what the depth gauge reads. */
export function queueMetrics(queue: Queue): QueueMetrics {
  const holder = globalThis as Holder;
  if (holder[KEY]) {
    holder[KEY].depthOf.queue = queue;
    return holder[KEY];
  }
  const registers = [getMetrics().registry];
  const depthOf: { queue: Queue | null } = { queue };
  new Gauge({
    name: "llmteam_queue_jobs",
    help: "Jobs in the advance queue by state (read from Redis at scrape time)",
    labelNames: ["state"],
    registers,
    async collect() {
      const counts = await depthOf.queue?.getJobCounts(...STATES).catch(() => null);
      // Redis unreachable: no sample rather than a misleading zero.
      if (!counts) return;
      for (const state of STATES) this.set({ state }, counts[state] ?? 0);
    },
  });
  const jobWait = new Histogram({
    name: "llmteam_queue_job_wait_seconds",
    help: "Time from a job being due (queued, or its delay ended) to a worker starting it",
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30],
    registers,
  });
  holder[KEY] = { jobWait, depthOf };
  return holder[KEY];
}
