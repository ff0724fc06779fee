// One mode, start to finish: deploy (clean database), save the segments over REST, measure
// (a) overhead, (b) throughput, (c) event latency, (d) decision → next step, (e) memory, and
// stop everything, also when a measurement fails.
import { EventFeed } from "./event-feed";
import { measureDecisions } from "./decision";
import { measureEventLatency } from "./event-latency";
import { runBatch } from "./load";
import { measureMemory, MEMORY_RUNS } from "./memory";
import { deploy, type Deployment, type Mode } from "./modes";
import { measureOverhead } from "./overhead";
import { RestClient } from "./rest";
import { ALL_SEGMENTS } from "./segments";

export const CLIENTS = 32;
export const THROUGHPUT_RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 2000);
/** (b) stops starting runs after this many seconds (0 = no limit), so a slow mode stays short. */
export const THROUGHPUT_WINDOW_S = Number(process.env.BENCH_SCALE_RUNS_MAX_S ?? 15);

export type ModeResult = Awaited<ReturnType<typeof measureDeployment>> & { duration_s: number; logs: ReturnType<Deployment["logs"]> };

async function phase<T>(mode: Mode, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  process.stdout.write(`scale ${mode.name}: ${name} … `);
  try {
    const value = await fn();
    console.log(`${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  } catch (err) {
    console.log("failed");
    throw new Error(`${name}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
}

async function measureDeployment(mode: Mode, deployment: Deployment) {
  const rest = new RestClient(deployment.origin);
  await phase(mode, "save segments", async () => {
    for (const doc of ALL_SEGMENTS) await rest.saveSegment(doc);
  });
  const feed = await EventFeed.open(deployment.origin);
  try {
    const rss_at_start_mb = deployment.rss();
    const overhead = await phase(mode, "(a) 1,000-step chain and 100-way fan", () => measureOverhead(rest, feed));
    await phase(mode, "warm-up, 100 runs", () => runBatch(rest, "scale-load", { runs: 100, clients: CLIENTS, timeoutMs: 120_000 }));
    const throughput = await phase(mode, `(b) ${THROUGHPUT_RUNS} runs, ${CLIENTS} clients`, () =>
      runBatch(rest, "scale-throughput", {
        runs: THROUGHPUT_RUNS,
        clients: CLIENTS,
        timeoutMs: 300_000,
        startWindowMs: THROUGHPUT_WINDOW_S > 0 ? THROUGHPUT_WINDOW_S * 1000 : Infinity,
      }),
    );
    const event_latency_ms = await phase(mode, "(c) event latency", () => measureEventLatency(rest, deployment.origin, "scale-load"));
    const decision_to_next_step_ms = await phase(mode, "(d) decision → next step", () => measureDecisions(rest, feed));
    const memory = await phase(mode, `(e) memory over ${MEMORY_RUNS} runs`, () => measureMemory(rest, deployment, "scale-memory", CLIENTS));
    return { rss_at_start_mb, overhead, throughput, event_latency_ms, decision_to_next_step_ms, memory, rest_retries: rest.retries };
  } finally {
    feed.close();
  }
}

export async function measureMode(mode: Mode): Promise<ModeResult> {
  const t0 = performance.now();
  const deployment = await deploy(mode);
  try {
    const result = await measureDeployment(mode, deployment);
    return { ...result, duration_s: Math.round((performance.now() - t0) / 1000), logs: deployment.logs() };
  } catch (err) {
    const tails = [deployment.web, ...deployment.workers].map((p) => `  ${p.name} (exit ${p.child.exitCode ?? "running"}), last lines:\n${p.log.text()}`);
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${tails.join("\n")}`, { cause: err });
  } finally {
    await deployment.stop();
  }
}
