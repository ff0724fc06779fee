// The Prometheus metrics of the process (prom-client): one registry per process, kept on
// globalThis because Next.js bundles route handlers separately from src/server/main.ts and a
// module-level registry would exist twice (see app-context.ts). No metric has a run, segment
// or tenant label: those are unbounded; per-run detail lives in the run's events and logs.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What the gauges read at scrape time, so they are right after a restart. */
export type GaugeSource = () => Promise<{ runningRuns: number; pendingApprovals: number }>;

export type Metrics = {
  registry: Registry;
  segmentsStarted: Counter<never>;
  segmentsCompleted: Counter<"status">;
  stepsExecuted: Counter<"step_type" | "status">;
  segmentDuration: Histogram<"status">;
  stepDuration: Histogram<"step_type">;
  runningSegments: Gauge<never>;
  pendingApprovals: Gauge<never>;
  llmTokens: Counter<"direction">;
  llmCost: Counter<never>;
  httpRequests: Counter<"method" | "route" | "status_code" | "status_class">;
  httpDuration: Histogram<"method" | "route" | "status_class">;
  runStartsRateLimited: Counter<"edge">;
  /** Where the gauges read their values (the server sets it to its database). */
  setGaugeSource(source: GaugeSource | undefined): void;
};

function createMetrics(): Metrics {
  const registry = new Registry();
  // process_* and nodejs_* under their standard names, as dashboards expect them.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let gaugeSource: GaugeSource | undefined;
  // A failing read leaves the last value: a scrape never fails because the database hiccuped.
  const readGauges = () => (gaugeSource ? gaugeSource().catch(() => undefined) : Promise.resolve(undefined));

  const metrics: Metrics = {
    registry,
    segmentsStarted: new Counter({ name: "llmteam_segments_started_total", help: "Runs started (segment.started), child runs included", registers }),
    segmentsCompleted: new Counter({
      name: "llmteam_segments_completed_total",
      help: "Runs finished, by status: completed, failed or cancelled",
      labelNames: ["status"],
      registers,
    }),
    stepsExecuted: new Counter({
      name: "llmteam_steps_executed_total",
      help: "Step attempts that finished, by step type and status (completed, failed); reused steps of a re-run are not counted",
      labelNames: ["step_type", "status"],
      registers,
    }),
    segmentDuration: new Histogram({
      name: "llmteam_segment_duration_seconds",
      help: "Run duration from start to finish (waiting for people included), by final status",
      labelNames: ["status"],
      buckets: [0.1, 0.5, 1, 5, 10, 30, 60, 120, 300, 600, 3600],
      registers,
    }),
    stepDuration: new Histogram({
      name: "llmteam_step_duration_seconds",
      help: "Duration of finished step attempts, by step type",
      labelNames: ["step_type"],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60],
      registers,
    }),
    runningSegments: new Gauge({
      name: "llmteam_running_segments",
      help: "Runs pending or running now (read from the database at scrape time)",
      registers,
      async collect() {
        const values = await readGauges();
        if (values) this.set(values.runningRuns);
      },
    }),
    pendingApprovals: new Gauge({
      name: "llmteam_pending_approvals",
      help: "Approvals waiting for a decision (read from the database at scrape time)",
      registers,
      async collect() {
        const values = await readGauges();
        if (values) this.set(values.pendingApprovals);
      },
    }),
    llmTokens: new Counter({
      name: "llmteam_llm_tokens_total",
      help: "LLM tokens used by finished top-level runs (their child runs included), by direction: input or output",
      labelNames: ["direction"],
      registers,
    }),
    llmCost: new Counter({ name: "llmteam_llm_cost_usd_total", help: "LLM cost in USD of finished top-level runs (configured prices)", registers }),
    httpRequests: new Counter({
      name: "llmteam_http_requests_total",
      help: "HTTP requests answered, by method, route pattern and status",
      labelNames: ["method", "route", "status_code", "status_class"],
      registers,
    }),
    httpDuration: new Histogram({
      name: "llmteam_http_request_duration_seconds",
      help: "HTTP request duration until the response finished, by method, route pattern and status class",
      labelNames: ["method", "route", "status_class"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    runStartsRateLimited: new Counter({
      name: "llmteam_run_starts_rate_limited_total",
      help: "Run starts refused by the rate limit, by edge: api (REST, tRPC, MCP) or webhook",
      labelNames: ["edge"],
      registers,
    }),
    setGaugeSource(source) {
      gaugeSource = source;
    },
  };
  // Zero series exist from the first scrape, so rate() works before the first event.
  for (const status of ["completed", "failed", "cancelled"]) metrics.segmentsCompleted.inc({ status }, 0);
  for (const direction of ["input", "output"]) metrics.llmTokens.inc({ direction }, 0);
  return metrics;
}

const KEY = Symbol.for("llmteam.metrics");
type Holder = { [KEY]?: Metrics };

/** The process's metrics (created on first use). */
export function getMetrics(): Metrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMetrics();
  return holder[KEY];
}
