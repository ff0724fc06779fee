// The BullMQ worker that runs "advance this run" jobs: the same engine.advance the in-process
// scheduler calls. BullMQ's lock on a job lasts as long as a run's lease: if this process dies
// mid-step, the job becomes stalled and another worker takes it; its claim waits for the dead
// holder's lease to expire, then the run continues (completed steps kept, the interrupted step
// run again as a new attempt).
import { Worker, type Job } from "bullmq";
import type { Engine } from "../../engine";
import { getLogger } from "../logging/logger";
import { ADVANCE_QUEUE, type AdvanceJobData } from "./names";
import type { QueueMetrics } from "./queue-metrics";
import { redisConnection } from "./redis-connection";

export type AdvanceWorkerOptions = {
  redisUrl: string;
  prefix: string;
  engine: Engine;
  concurrency: number;
  leaseMs: number;
  metrics: QueueMetrics;
  /** The run is held by another process: tell it (PokeChannel). */
  pokeElsewhere: (runId: string) => void;
  name: string;
};

export function startAdvanceWorker(options: AdvanceWorkerOptions): Worker<AdvanceJobData> {
  const { engine, metrics } = options;
  const advance = async (job: Job<AdvanceJobData>) => {
    const due = job.timestamp + (job.opts.delay ?? 0);
    metrics.jobWait.observe(Math.max(0, Date.now() - due) / 1000);
    const result = await engine.advance(job.data.run_id);
    if (result.status === "busy" && result.holder === "elsewhere") options.pokeElsewhere(job.data.run_id);
    return result.status;
  };
  const worker = new Worker<AdvanceJobData>(ADVANCE_QUEUE, advance, {
    connection: redisConnection(options.redisUrl, "blocking", `${options.name}:worker`),
    prefix: options.prefix,
    concurrency: options.concurrency,
    // A job's lock and a run's lease end together: the stalled job is retried right when the
    // dead holder's run can be claimed.
    lockDuration: options.leaseMs,
    stalledInterval: Math.max(1000, Math.floor(options.leaseMs / 2)),
    maxStalledCount: 100,
    removeOnComplete: { count: 0 },
    removeOnFail: { count: 1000 },
  });
  const log = getLogger();
  worker.on("error", (err) => log.warn({ err }, "queue worker: Redis error (retrying)"));
  worker.on("failed", (job, err) => log.error({ err, run_id: job?.data.run_id }, "queue worker: an advance job failed"));
  return worker;
}
