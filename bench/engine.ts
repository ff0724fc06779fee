// Engine overhead: `npx tsx bench/engine.ts`. No-op steps on the in-memory RunStore (every commit
// copies its batch, as a database would; one commit per step), the real clock, events dropped.
// Not part of `npm test`. Prints ms per step for a 1,000-step chain and a 100-way fan-out/fan-in.
import { systemClock } from "../src/engine/clock";
import { createBuiltinRegistry } from "../src/engine/steps/builtins";
import { complete } from "../src/engine/steps/types";
import { createInMemoryEngine, nullSink } from "../src/engine/testing";
import type { SegmentInput } from "../src/shared/segment";
import { round, summarize } from "./stats";
import { chainDoc, fanDoc } from "./workloads";

async function measure(doc: SegmentInput, rounds: number) {
  const steps = createBuiltinRegistry().register({ type: "noop", parseConfig: (c) => c, start: async (ctx) => complete(ctx.input) });
  const h = createInMemoryEngine({ clock: systemClock, steps, sink: nullSink });
  h.segments.add(doc);
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const run = await h.engine.start({ segment_id: doc.segment_id, input: { i } });
    await h.scheduler.idle();
    samples.push(performance.now() - t0);
    const status = (await h.store.getRun(run.run_id))?.status;
    if (status !== "completed") throw new Error(`run ended ${status}`);
  }
  const commits = h.store.stats.commits / rounds;
  return { samples, commits };
}

export async function benchEngine() {
  const chainSteps = 1000;
  const fanWidth = 100;
  await measure(chainDoc(chainSteps), 3); // warm-up (JIT)
  await measure(fanDoc(fanWidth), 3);
  const chain = await measure(chainDoc(chainSteps), 15);
  const fan = await measure(fanDoc(fanWidth), 30);
  const perStep = (ms: number[], n: number) => summarize(ms.map((x) => x / n));
  return {
    chain_1000: { run_ms: summarize(chain.samples), ms_per_step: perStep(chain.samples, chainSteps), commits_per_run: round(chain.commits) },
    fan_out_in_100: { run_ms: summarize(fan.samples), ms_per_step: perStep(fan.samples, fanWidth + 2), commits_per_run: round(fan.commits) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchEngine();
  console.log(`engine, in-memory store, no-op steps (Node ${process.version})`);
  console.log(`1,000-step chain:        ${result.chain_1000.run_ms.p50} ms per run (p50), ${result.chain_1000.ms_per_step.p50} ms per step, ${result.chain_1000.commits_per_run} commits`);
  console.log(`100-way fan-out/fan-in:  ${result.fan_out_in_100.run_ms.p50} ms per run (p50), ${result.fan_out_in_100.ms_per_step.p50} ms per step, ${result.fan_out_in_100.commits_per_run} commits`);
  console.log(JSON.stringify(result, null, 2));
}
