// (a) Engine overhead per no-op step, end to end: POST the start → `segment.completed` received
// on the socket. A 1,000-step chain (ms per step = run time / 1,000) and a 100-way
// fan-out/fan-in (source → 100 parallel steps → join: run time). The engine's own figure
// (`duration_ms` of segment.completed: first step started → run completed) is kept beside it.
import { round, summarize } from "../stats";
import { epochNow, type EventFeed } from "./event-feed";
import type { RestClient } from "./rest";
import { CHAIN_STEPS, chain, fan, warmChain } from "./segments";

const CHAIN_ROUNDS = Number(process.env.BENCH_SCALE_CHAIN_ROUNDS ?? 2);
const FAN_ROUNDS = Number(process.env.BENCH_SCALE_FAN_ROUNDS ?? 5);

async function timeRun(rest: RestClient, feed: EventFeed, segmentId: string): Promise<{ client: number; engine: number }> {
  const t0 = epochNow();
  const runId = await rest.startRun(segmentId, {});
  const follow = await feed.follow(runId);
  const end = await follow.finished(180_000);
  feed.unfollow(runId);
  return { client: end.at - t0, engine: Number((end.event.payload as { duration_ms?: number }).duration_ms ?? NaN) };
}

async function rounds(rest: RestClient, feed: EventFeed, segmentId: string, n: number) {
  const samples = [];
  for (let i = 0; i < n; i++) samples.push(await timeRun(rest, feed, segmentId));
  return { run_ms: summarize(samples.map((s) => s.client)), engine_duration_ms: summarize(samples.map((s) => s.engine)) };
}

export async function measureOverhead(rest: RestClient, feed: EventFeed) {
  await rounds(rest, feed, warmChain.segment_id, 2);
  await rounds(rest, feed, fan.segment_id, 1);
  const chainRuns = await rounds(rest, feed, chain.segment_id, CHAIN_ROUNDS);
  const fanRuns = await rounds(rest, feed, fan.segment_id, FAN_ROUNDS);
  return {
    chain_1000: { ...chainRuns, ms_per_step: round(chainRuns.run_ms.mean / CHAIN_STEPS) },
    fan_out_in_100: fanRuns,
  };
}
