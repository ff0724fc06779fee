// (c) Event latency, step completed → socket.io client: for every `step.completed` received live
// (after the subscribe ack), client receive time − the event's `ts` (engine clock; same machine,
// same clock). Six runs of the latency chain (51 spaced-out steps) at once, each followed by its
// own socket, while a light background load starts a 2-step run every 200 ms.
import { summarizeTail } from "../stats";
import { EventFeed } from "./event-feed";
import { backgroundLoad } from "./load";
import type { RestClient } from "./rest";
import { latency } from "./segments";

const RUNS = Number(process.env.BENCH_SCALE_LATENCY_RUNS ?? 6);
const LOAD_EVERY_MS = 200;

export async function measureEventLatency(rest: RestClient, origin: string, loadSegmentId: string) {
  const feeds = await Promise.all(Array.from({ length: RUNS }, () => EventFeed.open(origin)));
  const load = backgroundLoad(rest, loadSegmentId, LOAD_EVERY_MS);
  try {
    const samples: number[] = [];
    await Promise.all(
      feeds.map(async (feed, i) => {
        // Staggered, so the six runs' steps do not complete in lockstep.
        await new Promise((resolve) => setTimeout(resolve, i * 37));
        const follow = await feed.follow(await rest.startRun(latency.segment_id, {}));
        await follow.finished(120_000);
        for (const r of follow.received) {
          if (r.live && r.event.type === "step.completed") samples.push(r.at - Date.parse(r.event.ts));
        }
      }),
    );
    const backgroundRuns = await load.stop();
    return { ...summarizeTail(samples), background_runs_started: backgroundRuns, background_every_ms: LOAD_EVERY_MS };
  } finally {
    await load.stop().catch(() => 0);
    for (const feed of feeds) feed.close();
  }
}
